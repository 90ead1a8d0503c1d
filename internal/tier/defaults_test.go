package tier_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/bidopsai/bidopsai-infra/internal/tier"
)

type inner struct {
	Port int `default:"5432"`
}

type settingsLike struct {
	Level   string   `default:"INFO"`
	Rate    float64  `default:"0.05"`
	On      bool     `default:"true"`
	Origins []string `default:"http://localhost:3000,https://a.example"`
	Set     int      `default:"7"`
	None    string
	DB      inner
}

func TestApplyDefaultsFillsOnlyZeroFields(t *testing.T) {
	a := settingsLike{Set: 3}
	if err := tier.ApplyDefaults(&a); err != nil {
		t.Fatal(err)
	}
	want := settingsLike{Level: "INFO", Rate: 0.05, On: true, Origins: []string{"http://localhost:3000", "https://a.example"},
		Set: 3, DB: inner{Port: 5432}}
	if !reflect.DeepEqual(a, want) {
		t.Errorf("got %+v, want %+v", a, want)
	}
}

func TestApplyDefaultsNamesABadTag(t *testing.T) {
	var a struct {
		N int `default:"five"`
	}
	if err := tier.ApplyDefaults(&a); err == nil || !strings.Contains(err.Error(), ".N") {
		t.Errorf("bad default tag: %v", err)
	}
	if err := tier.ApplyDefaults(a); err == nil {
		t.Error("a struct value (not a pointer) was accepted")
	}
}
