package fakeaws

import "strconv"

// defaultPageSize is small on purpose: callers that ignore nextToken miss resources as soon
// as a test holds more than a page.
const defaultPageSize = 10

// pageOf cuts keys (in a stable order) into the page that maxResults and nextToken (the
// index of the page's first key, as this fake writes it) select, and the next token.
func pageOf(keys []string, maxResults, nextToken string) (page []string, next string, err *apiError) {
	size, start := defaultPageSize, 0
	if maxResults != "" {
		n, perr := strconv.Atoi(maxResults)
		if perr != nil || n < 1 {
			return nil, "", invalid("maxResults %q must be a positive number", maxResults)
		}
		size = n
	}
	if nextToken != "" {
		n, perr := strconv.Atoi(nextToken)
		if perr != nil || n < 0 || n > len(keys) {
			return nil, "", invalid("nextToken %q is not a token this service issued", nextToken)
		}
		start = n
	}
	end := min(start+size, len(keys))
	if end < len(keys) {
		next = strconv.Itoa(end)
	}
	return keys[start:end], next, nil
}
