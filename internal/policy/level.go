package policy

// Environments are the stacks the rules file has columns for.
const (
	Dev     = "dev"
	Staging = "staging"
	Prod    = "prod"
)

// Violation levels: the vocabulary of inventory.Violation.Level (see the package doc).
const (
	LevelMandatory = "mandatory"
	LevelAdvisory  = "advisory"
	LevelUnknown   = "unknown"
)

// Enforcement is how a rule applies in one environment: the M, A and X of the rules file.
type Enforcement int

// The three enforcements; the zero value is NotApplied so a missing column never enforces.
const (
	NotApplied Enforcement = iota
	Advisory
	Mandatory
)

// String is the level word used in violations and reports.
func (e Enforcement) String() string {
	switch e {
	case Mandatory:
		return LevelMandatory
	case Advisory:
		return LevelAdvisory
	case NotApplied:
		return "not applied"
	}
	return "not applied"
}

// Levels are a rule's enforcement per environment.
type Levels struct {
	Dev, Staging, Prod Enforcement
}

// For returns the enforcement in an environment; unrecognised names get prod's.
func (l Levels) For(environment string) Enforcement {
	switch Environment(environment) {
	case Dev:
		return l.Dev
	case Staging:
		return l.Staging
	}
	return l.Prod
}

// Environment normalises a stack's environment: dev and staging stay, anything else is prod.
func Environment(name string) string {
	switch name {
	case Dev, Staging:
		return name
	}
	return Prod
}

// Shorthands for the tables, named dev-staging-prod: m mandatory, a advisory, x not applied.
var (
	mmm = Levels{Mandatory, Mandatory, Mandatory}
	aaa = Levels{Advisory, Advisory, Advisory}
	amm = Levels{Advisory, Mandatory, Mandatory}
	xmm = Levels{NotApplied, Mandatory, Mandatory}
	xaa = Levels{NotApplied, Advisory, Advisory}
	xam = Levels{NotApplied, Advisory, Mandatory}
)
