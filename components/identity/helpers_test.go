package identity

import (
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"

	"github.com/bidopsai/bidopsai-infra/internal/mock/mocktest"
)

const (
	typePool   = "aws:cognito/userPool:UserPool"
	typeDomain = "aws:cognito/userPoolDomain:UserPoolDomain"
	typeClient = "aws:cognito/userPoolClient:UserPoolClient"
	typeGroup  = "aws:cognito/userGroup:UserGroup"
)

// baseArgs is a valid argument set; tests copy and change one thing.
func baseArgs() *UserPoolArgs {
	return &UserPoolArgs{
		Region:       "us-east-1",
		MFA:          "OPTIONAL",
		DomainPrefix: "bidopsai-dev",
		CallbackURLs: []string{"http://localhost:3000/callback", "https://app.bidopsai.com/callback"},
		LogoutURLs:   []string{"http://localhost:3000", "https://app.bidopsai.com/signin"},
	}
}

// pools runs the component under the mock; assertions happen after it returns.
var pools = mocktest.Tier[*UserPoolArgs, *UserPool]{Stack: "dev", Region: "us-east-1", Name: "users", New: NewUserPool}

// at walks nested object inputs by key; a missing key gives a null value.
func at(m resource.PropertyMap, path ...string) resource.PropertyValue {
	v := resource.NewObjectProperty(m)
	for _, k := range path {
		if !v.IsObject() {
			return resource.NewNullProperty()
		}
		v = v.ObjectValue()[resource.PropertyKey(k)]
	}
	return v
}

// strs returns a string-array input as a Go slice.
func strs(v resource.PropertyValue) []string {
	var out []string
	if !v.IsArray() {
		return nil
	}
	for _, e := range v.ArrayValue() {
		if e.IsString() {
			out = append(out, e.StringValue())
		}
	}
	return out
}
