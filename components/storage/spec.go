package storage

// Logical-name suffixes of the four buckets; the physical names are auto-generated from them.
const (
	suffixDocuments  = "-documents"
	suffixArtifacts  = "-artifacts"
	suffixProcessed  = "-processed"
	suffixAccessLogs = "-access-logs"
)

// spec says how one bucket differs from the others.
type spec struct {
	suffix      string
	kms         bool     // SSE-KMS when BucketsArgs.KMSKeyArn is set; SSE-S3 otherwise
	versioned   bool     // BucketVersioningV2 Enabled
	logPrefix   string   // server access log prefix in the logs bucket; "" = not logged
	corsMethods []string // nil = no CORS configuration
	rules       lifecycleSpec
}

// CORS settings from original-cdk.md §4: presigned-URL browser uploads need HEAD and these headers.
var (
	documentsMethods = []string{"GET", "PUT", "POST", "DELETE", "HEAD"}
	artifactsMethods = []string{"GET", "PUT", "POST", "HEAD"}
	corsExposed      = []string{"ETag", "x-amz-server-side-encryption", "x-amz-request-id", "x-amz-id-2"}
)

const corsMaxAgeSeconds = 3600

// sourceSpecs are the documents, artifacts and processed buckets, in that order.
func sourceSpecs(a *BucketsArgs) []spec {
	processedIA := 0
	if a.ProcessedTransitionToIA {
		processedIA = iaTransitionDays
	}
	return []spec{
		{suffix: suffixDocuments, kms: true, versioned: true, logPrefix: "project-documents/",
			corsMethods: documentsMethods, rules: lifecycleSpec{iaAfterDays: 90, noncurrentDays: 90}},
		{suffix: suffixArtifacts, kms: true, versioned: true, logPrefix: "artifacts/",
			corsMethods: artifactsMethods, rules: lifecycleSpec{iaAfterDays: 180, noncurrentDays: 180}},
		{suffix: suffixProcessed, kms: true, versioned: a.ProcessedVersioning, logPrefix: "processed-documents/",
			rules: lifecycleSpec{iaAfterDays: processedIA, expireAfterDays: a.ProcessedExpirationDays,
				noncurrentDays: a.ProcessedNoncurrentDays}},
	}
}

// accessLogsSpec is the log bucket: SSE-S3 because S3 log delivery supports only that (SR-S3-5
// waiver), and not logged itself, since logging into itself would loop (SR-S3-7 waiver).
func accessLogsSpec(a *BucketsArgs) spec {
	return spec{suffix: suffixAccessLogs, rules: lifecycleSpec{expireAfterDays: a.AccessLogExpirationDays}}
}
