package model

import (
	"strings"
	"testing"
	"time"

	"rostrum/model/quotes"
)

func sentenceTexts(d *Document) []string {
	var out []string
	for _, r := range d.Sentences() {
		out = append(out, d.Body[r.Start:r.End])
	}
	return out
}

func TestSentencesKeepAbbreviationsInitialsAndDecimals(t *testing.T) {
	d, err := ParseText("speech.txt", "Speech\n\nMr. Smith met Dr. Jones in the U.S. Senate. Growth was 3.5 per cent! John F. Kennedy spoke. Was it so?\n\nA new paragraph.")
	if err != nil {
		t.Fatal(err)
	}
	got := sentenceTexts(d)
	want := []string{
		"Mr. Smith met Dr. Jones in the U.S. Senate.",
		"Growth was 3.5 per cent!",
		"John F. Kennedy spoke.",
		"Was it so?",
		"A new paragraph.",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("sentences:\n got %q\nwant %q", got, want)
	}
}

func TestSentencesLeaveOutTurnLabels(t *testing.T) {
	d, err := ParseText("t.txt", "Press conference\n\nTHE PRESIDENT: Thank you. Please sit.\n\nQ: Why now?")
	if err != nil {
		t.Fatal(err)
	}
	got := sentenceTexts(d)
	if strings.Join(got, "|") != "Thank you.|Please sit.|Why now?" {
		t.Errorf("sentences = %q", got)
	}
}

func TestSentenceAt(t *testing.T) {
	ss := []quotes.Range{{Start: 0, End: 5}, {Start: 6, End: 10}}
	for off, want := range map[int]int{0: 0, 4: 0, 5: 1, 9: 1, 10: 2} {
		if got := SentenceAt(ss, off); got != want {
			t.Errorf("SentenceAt(%d) = %d, want %d", off, got, want)
		}
	}
}

func TestPassageCitationNamesSpeakerTitleAndDate(t *testing.T) {
	d, err := ParseText("inaugural.txt", "President: John F. Kennedy\nTitle: Inaugural address\nDate: 1961-01-20\n\nAnd so, my fellow Americans: ask not what your country can do for you; ask what you can do for your country. My fellow citizens of the world: ask not.")
	if err != nil {
		t.Fatal(err)
	}
	ss := d.Sentences()
	if len(ss) != 2 {
		t.Fatalf("sentences = %q", sentenceTexts(d))
	}
	want := "“And so, my fellow Americans: ask not what your country can do for you; ask what you can do for your country.” — John F. Kennedy, Inaugural address, 1961-01-20"
	if got := d.PassageCitation(ss[0]); got != want {
		t.Errorf("citation\n got %s\nwant %s", got, want)
	}
	both := quotes.Range{Start: ss[0].Start, End: ss[1].End}
	if got := d.PassageText(both); !strings.HasSuffix(got, "your country. My fellow citizens of the world: ask not.") {
		t.Errorf("two sentences = %q", got)
	}
}

func TestCitationSaysWhoQuotedIt(t *testing.T) {
	d, err := ParseText("sotu.txt", "President: Lyndon B. Johnson\nTitle: State of the Union Address\nDate: 1967-01-10\n\nAs Abraham Lincoln said, \"A house divided against itself cannot stand.\" We stand.")
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Quotes) != 1 {
		t.Fatalf("quotes = %+v", d.Quotes)
	}
	q := &d.Quotes[0]
	if q.Speaker != "Abraham Lincoln" || q.QuotedBy != "Lyndon B. Johnson" {
		t.Fatalf("speaker %q quoted by %q", q.Speaker, q.QuotedBy)
	}
	want := "“A house divided against itself cannot stand.” — Abraham Lincoln, quoted by Lyndon B. Johnson, State of the Union Address, 1967-01-10"
	if got := d.Citation(q); got != want {
		t.Errorf("citation\n got %s\nwant %s", got, want)
	}
}

func TestCiteLeavesOutWhatIsAlreadySaid(t *testing.T) {
	d := &Document{Title: "Brazil · Luiz Inácio Lula da Silva, President · 2023", Speaker: "Luiz Inácio Lula da Silva",
		Place: "Brazil", Date: time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC), YearOnly: true, Body: "We are back."}
	d.Paragraphs = []string{d.Body}
	got := d.PassageCitation(quotes.Range{Start: 0, End: len(d.Body)})
	if want := "“We are back.” — Luiz Inácio Lula da Silva, Brazil, 2023"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

func TestTranscriptTurnIsThePassageSpeaker(t *testing.T) {
	d, err := ParseText("presser.txt", "President: Donald Trump\nTitle: Briefing\n\nTHE PRESIDENT: We will do it.\n\nDR. FAUCI: The data are clear.")
	if err != nil {
		t.Fatal(err)
	}
	ss := d.Sentences()
	if len(ss) != 2 {
		t.Fatalf("sentences = %q", sentenceTexts(d))
	}
	if got := d.PassageCitation(ss[0]); got != "“We will do it.” — Donald Trump, Briefing" {
		t.Errorf("president's turn: %s", got)
	}
	if got := d.PassageCitation(ss[1]); got != "“The data are clear.” — Dr. Fauci, Briefing" {
		t.Errorf("Fauci's turn: %s", got)
	}
}
