package tui

import (
	"fmt"
	"strings"
	"testing"

	"rostrum/model"
	"rostrum/model/topics"
)

// TestMarkersStayOutOfLinkAddresses checks that a topic word or quote edge
// inside a URL puts no marker inside the address (Glamour writes it into
// an OSC 8 sequence) and that every start still comes before its end.
func TestMarkersStayOutOfLinkAddresses(t *testing.T) {
	const url = "https://example.org/ministry/statement"
	cases := []struct {
		name   string
		format model.Format
		body   string
	}{
		{"bare URL in plain text", model.FormatText, "See " + url + " today."},
		{"bare URL in Markdown", model.FormatMarkdown, "See " + url + " today."},
		{"Markdown link", model.FormatMarkdown, "See [the statement](" + url + ") today."},
		{"Markdown autolink", model.FormatMarkdown, "See <" + url + "> today."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			at := strings.Index(c.body, "ministry")
			d := &model.Document{Format: c.format, Body: c.body, Paragraphs: []string{c.body},
				TopicMatches: []topics.Match{{Start: at, End: at + len("ministry"), Topic: "politics"}}}
			out := readerMarkup(d)
			plain := stripMarkers(out)
			if plain != c.body {
				t.Fatalf("markers changed the text: %q", plain)
			}
			if strings.Contains(out, "/"+mkTopicStart) || strings.Contains(out, mkTopicEnd+"/") ||
				strings.Contains(out, "ministry"+mkTopicEnd) || strings.Contains(out, "statement"+mkTopicEnd+")") {
				t.Errorf("a marker is inside the address: %q", out)
			}
			start, end := strings.Index(out, mkTopicStart), strings.Index(out, mkTopicEnd)
			if start < 0 || end < 0 || start > end {
				t.Errorf("the topic's start must come before its end: %q", out)
			}
		})
	}
}

// stripMarkers removes the reader's markers (Unicode tag characters).
func stripMarkers(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 0xe0000 && r <= 0xe007f {
			return -1
		}
		return r
	}, s)
}

func TestMergeSpans(t *testing.T) {
	got := mergeSpans([][]int{{30, 40}, {10, 20}, {12, 18}, {35, 45}, {50, 51}})
	want := [][]int{{10, 20}, {30, 45}, {50, 51}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("mergeSpans = %v, want %v", got, want)
	}
}
