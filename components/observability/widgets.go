package observability

import (
	"maps"
	"slices"
)

// The dashboard body's JSON shape (CloudWatch "Dashboard Body Structure and Syntax").

type dashboardDoc struct {
	Start          string   `json:"start"`
	PeriodOverride string   `json:"periodOverride"`
	Widgets        []widget `json:"widgets"`
}

type widget struct {
	Type       string `json:"type"`
	X          int    `json:"x"`
	Y          int    `json:"y"`
	Width      int    `json:"width"`
	Height     int    `json:"height"`
	Properties any    `json:"properties"`
}

type metricProps struct {
	Title       string       `json:"title"`
	Region      string       `json:"region"`
	View        string       `json:"view"`
	Stacked     bool         `json:"stacked"`
	Period      int          `json:"period"`
	Stat        string       `json:"stat"`
	Metrics     [][]any      `json:"metrics"`
	Annotations *annotations `json:"annotations,omitempty"`
}

type annotations struct {
	Horizontal []hLine `json:"horizontal"`
}

type hLine struct {
	Label string  `json:"label"`
	Value float64 `json:"value"`
	Color string  `json:"color,omitempty"`
}

type logProps struct {
	Title  string `json:"title"`
	Region string `json:"region"`
	View   string `json:"view"`
	Query  string `json:"query"`
}

type textProps struct {
	Markdown string `json:"markdown"`
}

// series is one line: a metric, its dimensions and how to draw it.
type series struct {
	namespace, name string
	dims            map[string]string
	stat, label     string
	color           string
}

// row renders a series in CloudWatch's array form: namespace, name, dim key/value pairs, options.
func (s series) row() []any {
	out := []any{s.namespace, s.name}
	for _, k := range slices.Sorted(maps.Keys(s.dims)) {
		out = append(out, k, s.dims[k])
	}
	opts := map[string]any{"stat": s.stat, "label": s.label}
	if s.color != "" {
		opts["color"] = s.color
	}
	return append(out, opts)
}

// grid places widgets left to right in rows of 24 units.
type grid struct {
	x, y, rowHeight int
	widgets         []widget
}

func (g *grid) add(width, height int, typ string, props any) {
	if g.x+width > 24 {
		g.x, g.y, g.rowHeight = 0, g.y+g.rowHeight, 0
	}
	g.widgets = append(g.widgets, widget{Type: typ, X: g.x, Y: g.y, Width: width, Height: height, Properties: props})
	g.x += width
	g.rowHeight = max(g.rowHeight, height)
}
