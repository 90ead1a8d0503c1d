package awsvalues

import (
	"slices"
	"strings"
)

// Regions are the AWS regions of the aws, aws-us-gov and aws-cn partitions, from the SDK's
// partition table (aws-sdk-go-v2 v1.48.0 internal/endpoints/awsrulesfn/partitions.json).
// To use a region AWS opens later, add its code here (README: "Adding a region").
var Regions = []string{
	"af-south-1", "ap-east-1", "ap-east-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
	"ap-south-1", "ap-south-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4",
	"ap-southeast-5", "ap-southeast-6", "ap-southeast-7", "ca-central-1", "ca-west-1", "eu-central-1",
	"eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-2", "eu-west-3",
	"il-central-1", "me-central-1", "me-south-1", "me-west-1", "mx-central-1", "sa-east-1", "sa-west-1",
	"us-east-1", "us-east-2", "us-west-1", "us-west-2",
	"us-gov-east-1", "us-gov-west-1",
	"cn-north-1", "cn-northwest-1",
}

// ValidRegion reports whether code is one of Regions.
func ValidRegion(code string) bool { return slices.Contains(Regions, code) }

// RegionRule is what a message says about a region code that is not in Regions.
const RegionRule = "must be a known AWS region code such as us-east-1 (the list is awsvalues.Regions in " +
	"internal/awsvalues/regions.go; add a newly opened region there)"

// Partition is the ARN partition of a region: China and GovCloud differ from "aws".
func Partition(region string) string {
	switch {
	case strings.HasPrefix(region, "cn-"):
		return "aws-cn"
	case strings.HasPrefix(region, "us-gov-"):
		return "aws-us-gov"
	default:
		return "aws"
	}
}
