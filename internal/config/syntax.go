package config

import (
	"regexp"
	"strconv"
	"strings"
)

// The syntax every config value must have, for the reader's own keys and for the tiers' Args
// alike. Each returns the value, or "" and what the text should be.

var (
	decimal       = regexp.MustCompile(`^(0|[1-9][0-9]{0,8})$`)
	decimalNumber = regexp.MustCompile(`^-?(0|[1-9][0-9]{0,11})(\.[0-9]{1,6})?$`)
)

// parseText accepts text that is not empty and not padded with spaces.
func parseText(v string) string {
	if strings.TrimSpace(v) != v || v == "" {
		return "must be non-empty without leading or trailing spaces"
	}
	return ""
}

// parseInt accepts base-10 digits only: "030", "0x1e", "30.0" and "-7" are all refused.
func parseInt(v string) (int, string) {
	if !decimal.MatchString(v) {
		return 0, "must be a whole number written in base-10 digits without leading zeros"
	}
	n, _ := strconv.Atoi(v) // cannot fail: at most 9 digits
	return n, ""
}

// parseNumber accepts a finite decimal (no exponent, hex or sign games).
func parseNumber(v string) (float64, string) {
	n, err := strconv.ParseFloat(v, 64)
	if !decimalNumber.MatchString(v) || err != nil {
		return 0, "must be a decimal number such as 5 or 0.05"
	}
	return n, ""
}

// parseBool accepts exactly true or false.
func parseBool(v string) (bool, string) {
	if v != "true" && v != "false" {
		return false, "must be true or false"
	}
	return v == "true", ""
}
