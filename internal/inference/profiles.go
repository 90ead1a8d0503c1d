package inference

// profiles are the cross-Region inference profiles this project knows, by foundation model and
// geography: source Region -> destination Regions. A bare id of a model listed here is refused:
// Bedrock serves these on demand in few Regions or none ("on-demand throughput isn't supported"),
// and the profile works from every Region the bare id would.
// Source: Amazon Bedrock user guide, "Supported Regions and models for inference profiles"
// (docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-support.html), read 2026-12-03.
// A geography's destination list never changes (same page); add a model with its tables.
var profiles = map[string]map[string]map[string][]string{
	"anthropic.claude-sonnet-4-20250514-v1:0": {
		"us": {
			"us-east-1": usEast1East2West2,
			"us-east-2": usEast1East2West2,
			"us-west-1": {"us-east-1", "us-east-2", "us-west-1", "us-west-2"},
			"us-west-2": usEast1East2West2,
		},
		"eu": sameDestinations([]string{"eu-central-1", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-3"},
			"eu-central-1", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-3"),
		"apac": sameDestinations([]string{"ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-south-1",
			"ap-south-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-4"},
			"ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-south-1", "ap-south-2", "ap-southeast-1",
			"ap-southeast-2", "ap-southeast-4"),
	},
	"anthropic.claude-3-7-sonnet-20250219-v1:0": {
		"us": sameDestinations(usEast1East2West2, "us-east-1", "us-east-2", "us-west-2"),
		"eu": sameDestinations([]string{"eu-central-1", "eu-north-1", "eu-west-1", "eu-west-3"},
			"eu-central-1", "eu-north-1", "eu-west-1", "eu-west-3"),
		"apac": sameDestinations([]string{"ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-south-1",
			"ap-south-2", "ap-southeast-1", "ap-southeast-2"},
			"ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-south-1", "ap-south-2", "ap-southeast-1", "ap-southeast-2"),
	},
	// Claude 3.5 Sonnet v2 has no eu. profile.
	"anthropic.claude-3-5-sonnet-20241022-v2:0": {
		"us": sameDestinations(usEast1East2West2, "us-east-1", "us-east-2", "us-west-2"),
		"apac": map[string][]string{
			"ap-northeast-1": apac35v2, "ap-northeast-2": apac35v2, "ap-northeast-3": apac35v2,
			"ap-south-1": apac35v2, "ap-southeast-1": apac35v2, "ap-southeast-2": apac35v2,
			"ap-south-2": {"ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-south-1", "ap-south-2",
				"ap-southeast-1", "ap-southeast-2"},
		},
	},
}

var (
	usEast1East2West2 = []string{"us-east-1", "us-east-2", "us-west-2"}
	apac35v2          = []string{"ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-south-1",
		"ap-southeast-1", "ap-southeast-2"}
)

// sameDestinations is a profile whose every source Region routes to the same destinations.
func sameDestinations(destinations []string, sources ...string) map[string][]string {
	out := make(map[string][]string, len(sources))
	for _, s := range sources {
		out[s] = destinations
	}
	return out
}
