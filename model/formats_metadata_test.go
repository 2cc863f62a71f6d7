package model_test

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"rostrum/model"
)

func TestFormatFileNames(t *testing.T) {
	t.Parallel()
	const body = sentences + "\n\nIt said more in a second paragraph.\n"
	cases := []struct {
		name, path, text string
		want             docWant
	}{
		{
			name: "dated slug", path: "speeches/2020-01-24-speech-march-life.txt", text: body,
			want: docWant{format: model.FormatText, date: "2020-01-24", title: "Speech march life", checkYearOnly: true},
		},
		{
			name: "dated slug, no extension", path: "2020-08-08-press-conference", text: body,
			want: docWant{date: "2020-08-08", title: "Press conference"},
		},
		{
			name: "dated slug, headline wins", path: "2020-01-24-speech-march-life.txt",
			text: "A Day for Marching\n\n" + body,
			want: docWant{date: "2020-01-24", title: "A Day for Marching"},
		},
		{
			name: "UN three-letter code", path: "TXT/Session 78 - 2023/TON_78_2023.txt", text: body,
			want: docWant{
				place: "Tonga", date: "2023", yearOnly: true, titleHas: "UN General Debate",
				bodyPrefix: "The committee met",
			},
		},
		{
			name: "UN title names country, year and session", path: "USA_78_2023.txt", text: body,
			want: docWant{place: "United States", date: "2023", yearOnly: true, titleHas: "2023"},
		},
		{
			name: "UN European Union", path: "EU_78_2023.txt", text: body,
			want: docWant{place: "European Union", date: "2023", yearOnly: true, titleHas: "European Union"},
		},
		{
			name: "UN 1991 session", path: "AFG_46_1991.txt", text: body,
			want: docWant{place: "Afghanistan", date: "1991", yearOnly: true, titleHas: "UN General Debate"},
		},
		{
			name: "publisher, date and slug", path: "text/nyt_2016-03-01_some-slug.txt", text: body,
			want: docWant{source: "nyt", date: "2016-03-01", title: "Some slug", checkYearOnly: true},
		},
		{
			name: "publisher, headline wins over slug", path: "nyt_2016-03-01_some-slug.txt",
			text: "Voters Head to the Polls in Twelve States\n\n" + body,
			want: docWant{source: "nyt", date: "2016-03-01", title: "Voters Head to the Polls in Twelve States",
				bodyPrefix: "The committee met"},
		},
		{
			name: "hyphenated publisher", path: "wash-post_2016-09-18_a-slug.txt", text: body,
			want: docWant{source: "wash-post", date: "2016-09-18"},
		},
		{
			name: "header date wins over the file name", path: "2020-01-24-speech.txt",
			text: "Date: January 2, 2006\n\n" + body,
			want: docWant{date: "2006-01-02"},
		},
		{
			name: "plain name gives nothing", path: "notes.txt", text: body,
			want: docWant{source: "-", place: "-", dateNotSet: "no date in the name", title: "The committee met on Tuesday"},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			d, err := model.ParseText(tc.path, tc.text)
			if err != nil {
				t.Fatalf("ParseText: %v", err)
			}
			checkWant(t, d, tc.want)
		})
	}
}

func TestFormatFileNamesFormerCountries(t *testing.T) {
	t.Parallel()
	// Session 46 (1991) of the UN General Debate still has Czechoslovakia
	// and Yugoslavia, whose ISO 3166 codes were withdrawn since.
	for code, country := range map[string]string{"CSK": "Czechoslovakia", "YUG": "Yugoslavia"} {
		t.Run(code, func(t *testing.T) {
			t.Parallel()
			d, err := model.ParseText(code+"_46_1991.txt", sentences)
			if err != nil {
				t.Fatal(err)
			}
			if d.Place == code {
				t.Fatalf("regression: countryName knows no withdrawn ISO 3166 code: %s_46_1991.txt gets place %q and title %q, want %q",
					code, d.Place, d.Title, country)
			}
			checkWant(t, d, docWant{place: country, date: "1991", yearOnly: true, titleHas: country})
		})
	}
}

func TestFormatHeadline(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, text string
		titles     []string // any of them
		bodyPrefix string
	}{
		{"plain headline", "Rivals of the new phone\n\n" + sentences, []string{"Rivals of the new phone"}, "The committee met"},
		{"headline with a question mark", "Is the river safe?\n\n" + sentences, []string{"Is the river safe?"}, ""},
		// A headline ending in an ellipsis (bbc/tech/301.txt) keeps it
		// whole: not "phone.." with one stop cut off.
		{"headline ending in an ellipsis", "Rivals of the new phone...\n\n" + sentences,
			[]string{"Rivals of the new phone...", "Rivals of the new phone…"}, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			d, err := model.ParseText("story.txt", tc.text)
			if err != nil {
				t.Fatal(err)
			}
			checkWant(t, d, docWant{format: model.FormatText, bodyPrefix: tc.bodyPrefix})
			if slices.Contains(tc.titles, d.Title) {
				return
			}
			if strings.HasSuffix(d.Title, "..") && !strings.HasSuffix(d.Title, "...") {
				t.Fatalf("regression: a first line ending in \"...\" is not taken as a headline (it ends with '.'), and titleFrom "+
					"strips one stop of the ellipsis: title %q (bbc/tech/301.txt gets \"Rivals of the £400 Apple..\")", d.Title)
			}
			t.Errorf("Title = %q, want one of %q", d.Title, tc.titles)
		})
	}
}

func TestFormatHeaders(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, text string
		want       docWant
	}{
		{
			name: "president", text: "President: Donald Trump\n\n" + sentences + "\n",
			want: docWant{speaker: "Donald Trump", bodyPrefix: "The committee met", paras: 1,
				bodyLacks: []string{"President:"}, title: "The committee met on Tuesday"},
		},
		{
			name: "several keys", text: "Title: On the Budget\nDate: January 2, 2006\nSpeaker: Jane Q. Public\nPlace: Springfield\nSource: City Hall\n\n" + sentences + "\n",
			want: docWant{title: "On the Budget", date: "2006-01-02", speaker: "Jane Q. Public",
				place: "Springfield", source: "City Hall", bodyPrefix: "The committee met", paras: 1,
				problemHas: "-"},
		},
		{
			name: "ISO date", text: "Date: 2006-01-02\nHeadline: A Headline Key\n\n" + sentences + "\n",
			want: docWant{title: "A Headline Key", date: "2006-01-02", bodyPrefix: "The committee met"},
		},
		{
			name: "bad date is a problem", text: "Date: sometime in spring\nTitle: Spring\n\n" + sentences + "\n",
			want: docWant{title: "Spring", problemHas: "sometime in spring", dateNotSet: "bad date",
				bodyPrefix: "The committee met"},
		},
		{
			name: "an unknown key beside a known one", text: "President: Donald Trump\nVenue: The Rose Garden\n\n" + sentences + "\n",
			want: docWant{speaker: "Donald Trump", bodyPrefix: "The committee met", place: "-"},
		},
		{
			name: "an unknown key alone is not a header block", text: "Venue: The Rose Garden\n\n" + sentences + "\n",
			want: docWant{speaker: "-", place: "-", source: "-"},
		},
		{
			name: "a transcript turn is not a header", text: "THE PRESIDENT: Thank you all for coming.\n\n" + sentences + "\n",
			want: docWant{speaker: "-", bodyPrefix: "THE PRESIDENT: Thank you all for coming.", paras: 2},
		},
		{
			name: "header lines need a paragraph of their own", text: "President: Donald Trump\n" + sentences + "\n",
			want: docWant{speaker: "-", bodyHas: []string{"President: Donald Trump"}},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			d, err := model.ParseText("speech.txt", tc.text)
			if err != nil {
				t.Fatalf("ParseText: %v", err)
			}
			checkWant(t, d, tc.want)
			if tc.name == "an unknown key alone is not a header block" {
				// The line is kept: as the headline or in the body.
				if d.Title != "Venue: The Rose Garden" && !strings.Contains(d.Body, "Venue: The Rose Garden") {
					t.Errorf("the unknown-key line was dropped: title %q, body %q", d.Title, d.Body)
				}
			}
		})
	}
}

func TestFormatSidecar(t *testing.T) {
	t.Parallel()
	text := func(headline string) []byte { return []byte(headline + "\n\n" + sentences + "\n") }
	cases := []struct {
		name    string
		sidecar string // file name
		content string
	}{
		{
			name: "tsv", sidecar: "metadata.tsv",
			content: "filename\ttitle\tpublication_date\tpublisher\tauthor\n" +
				"a_story\tThe Title from the Sidecar\t2016-03-01\tnyt\tSomeone\n" +
				"b_story.txt\tA Story in a Subfolder\t2016-04-02\twash-post\tNone\n" +
				"listed_elsewhere\tNot Here\t2016-05-03\tpolitico\t\n",
		},
		{
			name: "csv", sidecar: "metadata.csv",
			content: "filename,title,publication_date,publisher\n" +
				"a_story,\"The Title from the Sidecar\",2016-03-01,nyt\n" +
				"b_story.txt,\"A Story in a Subfolder\",2016-04-02,wash-post\n" +
				"listed_elsewhere,\"Not Here, With a Comma\",2016-05-03,politico\n",
		},
		{
			name: "csv with file column and quoted comma", sidecar: "metadata.csv",
			content: "file,title,date,publisher\n" +
				"a_story.txt,\"The Title from the Sidecar\",2016-03-01,nyt\n" +
				"b_story,\"A Story in a Subfolder\",2016-04-02,wash-post\n",
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			writeFiles(t, dir, map[string][]byte{
				tc.sidecar:               []byte(tc.content),
				"a_story.txt":            text("Headline in the File"),
				"sub/text/b_story.txt":   text("Another Headline"),
				"c_unlisted.txt":         text("Unlisted Headline"),
				"sub/d_unlisted.txt":     text("Deeper Unlisted Headline"),
				"sub/text/e_unlisted.md": []byte("# Markdown Unlisted\n\n" + sentences + "\n"),
			})
			docs, c := loadDir(t, dir, dir)
			want := []string{"a_story.txt", "c_unlisted.txt", "sub/d_unlisted.txt", "sub/text/b_story.txt", "sub/text/e_unlisted.md"}
			if got := keysOf(docs); !slices.Equal(got, want) {
				t.Errorf("documents %q, want %q (the sidecar is not a document)", got, want)
			}
			if len(c.Problems) > 0 {
				t.Errorf("problems: %v", c.Problems)
			}
			checkWant(t, docs["a_story.txt"], docWant{
				title: "The Title from the Sidecar", date: "2016-03-01", source: "nyt", problemHas: "-",
			})
			checkWant(t, docs["sub/text/b_story.txt"], docWant{
				title: "A Story in a Subfolder", date: "2016-04-02", source: "wash-post", problemHas: "-",
			})
			checkWant(t, docs["c_unlisted.txt"], docWant{
				title: "Unlisted Headline", source: "-", dateNotSet: "not listed", problemHas: "-",
			})
			checkWant(t, docs["sub/d_unlisted.txt"], docWant{
				title: "Deeper Unlisted Headline", source: "-", dateNotSet: "not listed",
			})
			checkWant(t, docs["sub/text/e_unlisted.md"], docWant{
				title: "Markdown Unlisted", source: "-", dateNotSet: "not listed", format: model.FormatMarkdown,
			})
		})
	}
	t.Run("nearest sidecar that names the file", func(t *testing.T) {
		t.Parallel()
		dir := t.TempDir()
		writeFiles(t, dir, map[string][]byte{
			"metadata.tsv":     []byte("filename\ttitle\tpublisher\nx\tOuter Title\touter\ny\tOuter Y\touter\n"),
			"sub/metadata.tsv": []byte("filename\ttitle\tpublisher\nx\tInner Title\tinner\n"),
			"sub/x.txt":        text("Headline X"),
			"sub/y.txt":        text("Headline Y"),
		})
		docs, _ := loadDir(t, dir, dir)
		checkWant(t, docs["sub/x.txt"], docWant{title: "Inner Title", source: "inner"})
		checkWant(t, docs["sub/y.txt"], docWant{title: "Outer Y", source: "outer"})
	})
	t.Run("a file named on the command line", func(t *testing.T) {
		t.Parallel()
		dir := t.TempDir()
		writeFiles(t, dir, map[string][]byte{
			"metadata.tsv": []byte("filename\ttitle\tspeaker\nspeech\tA Listed Speech\tJane Q. Public\n"),
			"speech.txt":   text("Headline"),
		})
		docs, _ := loadDir(t, dir, filepath.Join(dir, "speech.txt"))
		checkWant(t, docs["speech.txt"], docWant{title: "A Listed Speech", speaker: "Jane Q. Public"})
	})
	t.Run("a sidecar above the folder or file opened is never read", func(t *testing.T) {
		t.Parallel()
		// As in a shared folder like /tmp: anyone may plant a sidecar
		// above the folder the user opens.
		dir := t.TempDir()
		writeFiles(t, dir, map[string][]byte{
			"metadata.tsv":    []byte("filename\ttitle\tspeaker\nspeech\tPlanted Title\tMallory\n"),
			"mine/speech.txt": text("My Headline"),
		})
		mine := filepath.Join(dir, "mine")
		docs, _ := loadDir(t, mine, mine)
		checkWant(t, docs["speech.txt"], docWant{title: "My Headline"})
		docs, _ = loadDir(t, mine, filepath.Join(mine, "speech.txt"))
		checkWant(t, docs["speech.txt"], docWant{title: "My Headline"})
		// Opening the folder that holds it applies it.
		docs, _ = loadDir(t, dir, dir)
		checkWant(t, docs["mine/speech.txt"], docWant{title: "Planted Title", speaker: "Mallory"})
	})
	t.Run("a sidecar without a file column is ignored", func(t *testing.T) {
		t.Parallel()
		dir := t.TempDir()
		writeFiles(t, dir, map[string][]byte{
			"metadata.csv": []byte("title,publisher\nSomething,nyt\n"),
			"story.txt":    text("Headline Kept"),
		})
		docs, c := loadDir(t, dir, dir)
		if c.Len() != 1 {
			t.Fatalf("%d documents, want 1", c.Len())
		}
		checkWant(t, docs["story.txt"], docWant{title: "Headline Kept", source: "-"})
	})
}
