package quotes

import (
	"regexp"
	"strings"

	"golang.org/x/text/cases"
	"golang.org/x/text/language"
)

// turnLabel is a transcript speaker label opening a paragraph: "THE
// PRESIDENT:", "DR. FAUCI:", "Q:".
var turnLabel = regexp.MustCompile(`^(THE [A-Z][A-Z.'’ -]{1,30}|[A-Z][A-Z.'’ -]{1,30}|Q):\s`)

// findTurns gives each paragraph the speaker of the transcript turn it is
// in: a label opens a turn that lasts until the next label. "THE
// PRESIDENT" is the document's speaker when one is known; other labels are
// title-cased ("DR. FAUCI" gives "Dr. Fauci"); "Q" (a reporter) is nobody.
func findTurns(text string, paras []Range, docSpeaker string) []string {
	turns := make([]string, len(paras))
	cur := ""
	caser := cases.Title(language.English)
	for i, p := range paras {
		if m := turnLabel.FindStringSubmatch(text[p.Start:p.End]); m != nil {
			label := strings.TrimSpace(m[1])
			switch {
			case label == "Q":
				cur = ""
			case label == "THE PRESIDENT" && docSpeaker != "":
				cur = docSpeaker
			default:
				cur = caser.String(label)
			}
		}
		turns[i] = cur
	}
	return turns
}

// TurnLabelLen is the length in bytes of the transcript turn label that
// opens para ("THE PRESIDENT: "), 0 when there is none.
func TurnLabelLen(para string) int {
	if m := turnLabel.FindStringIndex(para); m != nil {
		return m[1]
	}
	return 0
}

// hasTurns reports whether any paragraph opens with a turn label.
func hasTurns(text string, paras []Range) bool {
	for _, p := range paras {
		if TurnLabelLen(text[p.Start:p.End]) > 0 {
			return true
		}
	}
	return false
}
