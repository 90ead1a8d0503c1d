package policydoc

import (
	"reflect"
	"testing"
)

func TestRoundTrip(t *testing.T) {
	doc := New(
		Allow("Read", []string{"s3:GetObject"}, []string{"arn:aws:s3:::b/*"}),
		Deny("TLS", []string{"s3:*"}, []string{"arn:aws:s3:::b"}).For(AllPrincipals).
			With("Bool", "aws:SecureTransport", "false"),
	)
	text, err := doc.JSON()
	if err != nil {
		t.Fatal(err)
	}
	back, err := Parse(text)
	if err != nil {
		t.Fatal(err)
	}
	if back.Version != Version || len(back.Statement) != 2 || back.Statement[1].Principal != "*" {
		t.Fatalf("round trip lost data: %+v", back)
	}
	if again, _ := back.JSON(); again != text {
		t.Errorf("rendering is not stable:\n%s\n%s", text, again)
	}
}

func TestParseAcceptsSingleStrings(t *testing.T) {
	doc, err := Parse(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}`)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(doc.Statement[0].Action, []string{"s3:GetObject"}) || doc.Statement[0].Resource[0] != "*" {
		t.Fatalf("single strings not read as lists: %+v", doc.Statement[0])
	}
}

func TestWithDoesNotShareConditions(t *testing.T) {
	base := Allow("A", []string{"kms:Decrypt"}, []string{"*"}).With("StringEquals", "kms:CallerAccount", "1")
	other := base.With("StringEquals", "kms:ViaService", "s3")
	if len(base.Condition["StringEquals"]) != 1 || len(other.Condition["StringEquals"]) != 2 {
		t.Fatalf("With mutated the original statement: %v / %v", base.Condition, other.Condition)
	}
}

func TestActionsListsOnlyAllowedActions(t *testing.T) {
	doc := New(Allow("A", []string{"b:Y", "a:X"}, nil), Deny("D", []string{"c:Z"}, nil), Allow("B", []string{"a:X"}, nil))
	if got := doc.Actions(); !reflect.DeepEqual(got, []string{"a:X", "b:Y"}) {
		t.Fatalf("Actions() = %v", got)
	}
}
