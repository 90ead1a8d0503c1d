package identity

import (
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/bidopsai/bidopsai-infra/internal/mock"
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

// run evaluates one UserPool named "users" under mocks; got receives the component.
func run(t *testing.T, args *UserPoolArgs, got **UserPool) (*mock.Monitor, error) {
	t.Helper()
	mon := mock.New("bidopsai", "dev", "us-east-1")
	err := pulumi.RunErr(func(ctx *pulumi.Context) error {
		c, err := NewUserPool(ctx, "users", args)
		if got != nil {
			*got = c
		}
		return err
	}, pulumi.WithMocks("bidopsai", "dev", mon))
	return mon, err
}

// mustRun is run for valid args.
func mustRun(t *testing.T, args *UserPoolArgs) *mock.Monitor {
	t.Helper()
	mon, err := run(t, args, nil)
	if err != nil {
		t.Fatalf("NewUserPool: %v", err)
	}
	return mon
}

// one returns the single recorded resource of a type.
func one(t *testing.T, mon *mock.Monitor, typ string) mock.Resource {
	t.Helper()
	rs := mon.ByType(typ)
	if len(rs) != 1 {
		t.Fatalf("%s: got %d, want 1", typ, len(rs))
	}
	return rs[0]
}

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
