package encryption

import (
	"regexp"
	"strings"

	"github.com/bidopsai/bidopsai-infra/internal/tier"
)

// Deletion-window bounds KMS accepts (SR-KMS-4; prod uses the maximum).
const (
	MinDeletionWindowDays = 7
	MaxDeletionWindowDays = 30
)

// StackKeyArgs configures the stack's customer-managed key. All fields are plain values and are
// validated before anything is registered.
type StackKeyArgs struct {
	// AccountID is the AWS account that owns the key and whose principals and log groups may use
	// it. No default; exactly 12 digits.
	AccountID string
	// Region is the region of the key and of the services allowed to use it, e.g. eu-west-1.
	Region string `config:"aws:region"`
	// DeletionWindowDays is how long a scheduled deletion waits: 7-30 (prod: 30).
	DeletionWindowDays int `config:"kms.deletionWindowDays" default:"30"`
	// Protect sets protect + retain-on-delete on the key (not on its alias). Default false.
	Protect bool
	// Tags are extra tags for the key; the tier's component tag always wins. Default none; keys
	// 1-128 characters, not starting with "aws:"; values up to 256 characters.
	Tags map[string]string
}

// aliasPattern is KMS's alias-name alphabet; the component name becomes alias/<name>.
var aliasPattern = regexp.MustCompile(`^[a-zA-Z0-9/_-]{1,250}$`)

// Validate returns every problem with name and args at once, each naming the field.
func (a *StackKeyArgs) Validate(name string) error {
	if a == nil {
		return tier.NilArgs(component, name)
	}
	c := tier.NewChecker(component, name, "StackKeyArgs")
	c.Name(aliasPattern.MatchString(name) && !strings.HasPrefix(strings.ToLower(name), "aws/"),
		"must be 1-250 characters of letters, digits, '/', '_' and '-' and not start "+
			"with aws (it becomes the key alias alias/<name>)")
	c.AccountID("AccountID", a.AccountID)
	c.Region("Region", a.Region)
	c.Between("DeletionWindowDays", a.DeletionWindowDays, MinDeletionWindowDays, MaxDeletionWindowDays)
	c.Tags("Tags", a.Tags)
	return c.Err()
}
