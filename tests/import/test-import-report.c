/* test-import-report.c: the Markdown report of the corpus, and Markdown
 * as PDF converters write it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "test-import-util.h"

#define CORPUS_REPORT "geopolitics-of-standards-report.md"

static SpDocumentContent *corpus;

static SpDocumentContent *
get_corpus (void)
{
  if (corpus == NULL)
    corpus = sp_test_import_corpus (CORPUS_REPORT);
  return corpus;
}

static const SpSegment *
segment (SpDocumentContent *content,
         int                index)
{
  return &g_array_index (content->segments, SpSegment, index);
}

static void
test_corpus_title_and_headings (void)
{
  static const struct { int level; const char *text; } expected[] = {
    { 1, "Report | The Geopolitics of Global Technology Standards: Key Issues and Solutions" },
    { 2, "Table of Contents" },
    { 2, "Acknowledgements" },
    { 2, "Acronyms" },
    { 2, "Introduction" },
    { 2, "The spill-over effect of US-China rivalry" },
    { 3, "CET: A term designed to extend American tech control?" },
    { 3, "China: a challenger or a contributor?" },
    { 3, "Separating standards participation from export control?" },
    { 2, "Incorporating values in standards: Leading to a forking framework?³⁴" },
    { 3, "Incorporating values in standards-setting" },
    { 3, "Can/should values be separated from standards?" },
    { 3, "A forking standardisation framework?" },
    { 2, "Towards a multi-stakeholder standardisation framework?" },
    { 2, "Conclusion and policy recommendations" },
    { 2, "Notes" },
  };
  SpDocumentContent *content = get_corpus ();
  g_autoptr(GPtrArray) headings = sp_test_segments (content, SP_SEGMENT_HEADING);
  const SpSegment *heading;
  const SpSegment *ref;

  g_assert_cmpint (content->kind, ==, SP_DOCUMENT_KIND_REPORT);
  g_assert_cmpstr (content->title, ==,
                   "Report | The Geopolitics of Global Technology Standards: Key Issues and Solutions");
  g_assert_cmpuint (content->warnings->len, ==, 0);

  g_assert_cmpuint (headings->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < headings->len; i++)
    {
      g_autofree char *text = sp_test_segment_text (content, g_ptr_array_index (headings, i));

      g_assert_cmpstr (text, ==, expected[i].text);
      g_assert_cmpint (((SpSegment *) g_ptr_array_index (headings, i))->level, ==, expected[i].level);
    }

  /* The <sup>34</sup> of a bold heading is a reference to footnote 34. */
  heading = g_ptr_array_index (headings, 9);
  ref = sp_test_find (content, SP_SEGMENT_FOOTNOTE_REF, "³⁴");
  g_assert_nonnull (ref);
  g_assert_cmpint (ref->number, ==, 34);
  g_assert_cmpuint (ref->end, ==, heading->end);
  g_assert_null (sp_test_enclosing (content, SP_SEGMENT_EMPHASIS, heading->start, heading->end));
}

static void
test_corpus_toc (void)
{
  static const struct { int level; int page; const char *text; } expected[] = {
    { 1, 2, "ACKNOWLEDGEMENTS\t2" },
    { 1, 3, "ACRONYMS\t3" },
    { 1, 4, "INTRODUCTION\t4" },
    { 1, 6, "THE SPILL-OVER EFFECT OF US-CHINA RIVALRY\t6" },
    { 2, 6, "CET: A TERM DESIGNED TO EXTEND AMERICAN TECH CONTROL?\t6" },
    { 2, 7, "CHINA: A CHALLENGER OR A CONTRIBUTOR?\t7" },
    { 2, 8, "SEPARATING STANDARDS PARTICIPATION FROM EXPORT CONTROL?\t8" },
    { 1, 9, "INCORPORATING VALUES IN STANDARDS: LEADING TO A FORKING FRAMEWORK?\t9" },
    { 2, 9, "INCORPORATING VALUES IN STANDARDS-SETTING\t9" },
    { 2, 11, "CAN/SHOULD VALUES BE SEPARATED FROM STANDARDS?\t11" },
    { 2, 12, "A FORKING STANDARDISATION FRAMEWORK?\t12" },
    { 1, 13, "TOWARDS A MULTI-STAKEHOLDER STANDARDISATION FRAMEWORK?\t13" },
    { 1, 15, "CONCLUSION AND POLICY RECOMMENDATIONS\t15" },
  };
  SpDocumentContent *content = get_corpus ();
  g_autoptr(GPtrArray) tocs = sp_test_segments (content, SP_SEGMENT_TOC);
  g_autoptr(GPtrArray) entries = sp_test_segments (content, SP_SEGMENT_TOC_ENTRY);
  const SpSegment *toc;
  g_autofree char *toc_text = NULL;

  g_assert_cmpuint (tocs->len, ==, 1);
  toc = g_ptr_array_index (tocs, 0);
  toc_text = sp_test_segment_text (content, toc);
  g_assert_true (g_str_has_prefix (toc_text, "ACKNOWLEDGEMENTS\t2\nACRONYMS\t3\n"));
  g_assert_null (strstr (toc_text, ".."));
  g_assert_null (strchr (toc_text, '<'));

  g_assert_cmpuint (entries->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < entries->len; i++)
    {
      const SpSegment *entry = g_ptr_array_index (entries, i);
      g_autofree char *text = sp_test_segment_text (content, entry);

      g_assert_cmpstr (text, ==, expected[i].text);
      g_assert_cmpint (entry->level, ==, expected[i].level);
      g_assert_cmpint (entry->number, ==, expected[i].page);
      g_assert_cmpuint (entry->start, >=, toc->start);
      g_assert_cmpuint (entry->end, <=, toc->end);
    }
  g_assert_cmpuint (((SpSegment *) g_ptr_array_index (entries, 0))->start, ==, toc->start);
}

static void
test_corpus_table (void)
{
  SpDocumentContent *content = get_corpus ();
  g_autoptr(GPtrArray) tables = sp_test_segments (content, SP_SEGMENT_TABLE);
  g_autofree char *text = NULL;
  g_auto(GStrv) rows = NULL;
  const SpSegment *heading = sp_test_find (content, SP_SEGMENT_HEADING, "Acronyms");

  g_assert_cmpuint (tables->len, ==, 1);
  text = sp_test_segment_text (content, g_ptr_array_index (tables, 0));
  rows = g_strsplit (text, "\n", -1);
  g_assert_cmpuint (g_strv_length (rows), ==, 32);
  g_assert_cmpstr (rows[0], ==, "3GPP\t3rd Generation Partnership Project");
  g_assert_cmpstr (rows[1], ==, "5G, 6G\tFifth/sixth generation cellular mobile phone technology");
  g_assert_cmpstr (rows[31], ==, "WTO\tWorld Trade Organization");
  for (guint i = 0; rows[i] != NULL; i++)
    g_assert_nonnull (strchr (rows[i], '\t'));
  g_assert_cmpuint (((SpSegment *) g_ptr_array_index (tables, 0))->start, ==, heading->end + 2);
}

static void
test_corpus_footnotes (void)
{
  SpDocumentContent *content = get_corpus ();
  g_autoptr(GPtrArray) footnotes = sp_test_segments (content, SP_SEGMENT_FOOTNOTE);
  g_autoptr(GPtrArray) refs = sp_test_segments (content, SP_SEGMENT_FOOTNOTE_REF);
  const SpSegment *notes = sp_test_find (content, SP_SEGMENT_NOTES, "Notes\n\n¹ ");
  static const struct { int number; const char *start; } starts[] = {
    { 1, "¹ Claire Milne (cbm@antelope.org.uk) is a Senior Visiting Fellow" },
    { 2, "² Dr Jufang Wang (jufang.wang@oxgs.org)" },
    { 7, "⁷ European Commission (2022). New approach to enable global leadership" },
    { 15, "¹⁵ See expert discussion." },
    { 19, "¹⁹ Ibid." },
    { 34, "³⁴ It is worth noting that in this context" },
    { 55, "⁵⁵ NIST (2022). AI Risk management framework: Second Draft.\nhttps://www.nist.gov/" },
    { 63, "⁶³ Milton L. Mueller and Farzaneh Badiei (2019)." },
    { 68, "⁶⁸ See Yang, You-hong, Ping Gao, and Haimei Zhou (2022)." },
    { 74, "⁷⁴ Sorina Teleanu (2021). Report: The geopolitics of digital standards" },
  };

  g_assert_nonnull (notes);
  g_assert_cmpuint (notes->end, ==, content->n_chars);
  g_assert_cmpuint (footnotes->len, ==, 74);
  g_assert_cmpuint (refs->len, ==, 74);

  for (guint i = 0; i < footnotes->len; i++)
    {
      const SpSegment *footnote = g_ptr_array_index (footnotes, i);
      const SpSegment *ref;

      g_assert_cmpint (footnote->number, ==, (int) i + 1);
      g_assert_cmpint (footnote->target, >=, 0);
      ref = segment (content, footnote->target);
      g_assert_cmpint (ref->kind, ==, SP_SEGMENT_FOOTNOTE_REF);
      g_assert_cmpint (ref->number, ==, footnote->number);
      g_assert_true (segment (content, ref->target) == footnote);
      g_assert_cmpuint (ref->end, <=, notes->start);
      g_assert_cmpuint (footnote->start, >=, notes->start);
    }

  for (guint i = 0; i < G_N_ELEMENTS (starts); i++)
    {
      const SpSegment *footnote = g_ptr_array_index (footnotes, starts[i].number - 1);
      g_autofree char *text = sp_test_segment_text (content, footnote);

      g_test_message ("footnote %d: %s", starts[i].number, text);
      g_assert_true (g_str_has_prefix (text, starts[i].start));
    }

  /* Continuations: the citation and the link after 63, the paragraph after
   * the "---" that follows 68 (before footnote 69). */
  {
    g_autofree char *note63 = sp_test_segment_text (content, g_ptr_array_index (footnotes, 62));
    g_autofree char *note68 = sp_test_segment_text (content, g_ptr_array_index (footnotes, 67));

    g_assert_nonnull (strstr (note63, "\nColin J. Kiernan and Milton L. Mueller (2021). Standardizing Security"));
    g_assert_nonnull (strstr (note63, "\nhttps://scholar.google.com/citations?view_op=view_citation"));
    g_assert_nonnull (strstr (note68, "\nAnother useful reference is: commentary by Matt Sheehan"));
  }

  /* Footnote text keeps its links and loses its markup. */
  {
    const SpSegment *footnote = g_ptr_array_index (footnotes, 6);
    const SpSegment *link = sp_test_find (content, SP_SEGMENT_LINK, "https://ec.europa.eu/commission/presscorner/detail/en/ip_22_661");
    g_autofree char *link_text = NULL;

    g_assert_nonnull (link);
    g_assert_cmpuint (link->start, >=, footnote->start);
    g_assert_cmpuint (link->end, ==, footnote->end);
    g_assert_true (g_str_has_suffix (link->href, "ip_22_661"));
    link_text = sp_test_segment_text (content, link);
    g_assert_cmpstr (link_text, ==, link->href);
    g_assert_null (sp_test_enclosing (content, SP_SEGMENT_EMPHASIS, footnote->start, footnote->start + 1));
  }

  /* The author line: two references to the affiliations. */
  {
    const SpSegment *authors = sp_test_find (content, SP_SEGMENT_PARAGRAPH, "Claire Milne¹ Jufang Wang²");
    g_autofree char *text = NULL;
    guint n = 0;

    g_assert_nonnull (authors);
    text = sp_test_segment_text (content, authors);
    g_assert_cmpstr (text, ==, "Claire Milne¹ Jufang Wang²");
    for (guint i = 0; i < refs->len; i++)
      {
        const SpSegment *ref = g_ptr_array_index (refs, i);

        if (ref->start >= authors->start && ref->end <= authors->end)
          g_assert_cmpint (ref->number, ==, (int) ++n);
      }
    g_assert_cmpuint (n, ==, 2);
  }
}

static void
assert_on_page (SpDocumentContent *content,
                SpSegmentKind      kind,
                const char        *prefix,
                int                page)
{
  const SpSegment *found = sp_test_find (content, kind, prefix);
  const SpSegment *enclosing;

  g_test_message ("%s on page %d", prefix, page);
  g_assert_nonnull (found);
  enclosing = sp_test_enclosing (content, SP_SEGMENT_PAGE, found->start, found->end);
  g_assert_nonnull (enclosing);
  g_assert_cmpint (enclosing->number, ==, page);
}

static void
test_corpus_pages (void)
{
  SpDocumentContent *content = get_corpus ();
  g_autoptr(GPtrArray) pages = sp_test_segments (content, SP_SEGMENT_PAGE);
  const SpSegment *paragraph;
  int offset;

  assert_on_page (content, SP_SEGMENT_HEADING, "Report | The Geopolitics", 1);
  assert_on_page (content, SP_SEGMENT_HEADING, "Acknowledgements", 2);
  assert_on_page (content, SP_SEGMENT_TABLE, "3GPP", 3);
  assert_on_page (content, SP_SEGMENT_HEADING, "Introduction", 4);
  assert_on_page (content, SP_SEGMENT_HEADING, "The spill-over effect", 6);
  assert_on_page (content, SP_SEGMENT_HEADING, "China: a challenger or a contributor?", 7);
  assert_on_page (content, SP_SEGMENT_HEADING, "Separating standards participation", 8);
  assert_on_page (content, SP_SEGMENT_HEADING, "Can/should values", 11);
  assert_on_page (content, SP_SEGMENT_HEADING, "Towards a multi-stakeholder", 13);
  assert_on_page (content, SP_SEGMENT_HEADING, "Conclusion and policy recommendations", 15);
  assert_on_page (content, SP_SEGMENT_LIST_ITEM, "• Providing existing entities", 17);

  /* Pages follow each other and never cover the notes. */
  g_assert_cmpuint (pages->len, ==, 17);
  for (guint i = 0; i < pages->len; i++)
    {
      const SpSegment *page = g_ptr_array_index (pages, i);

      g_assert_cmpint (page->number, ==, (int) i + 1);
      if (i > 0)
        g_assert_cmpuint (page->start, >=, ((SpSegment *) g_ptr_array_index (pages, i - 1))->end);
      g_assert_null (sp_test_enclosing (content, SP_SEGMENT_NOTES, page->start, page->end));
    }

  /* A paragraph joined across a page break: its pages meet inside it. */
  paragraph = sp_test_find_containing (content, SP_SEGMENT_PARAGRAPH, "said in 2020 that only 0.7% of ISO");
  offset = sp_test_offset_of (content, "only 0.7% of ISO");
  g_assert_nonnull (paragraph);
  g_assert_cmpint (sp_test_enclosing (content, SP_SEGMENT_PAGE, paragraph->start, paragraph->start + 1)->number, ==, 7);
  g_assert_cmpint (sp_test_enclosing (content, SP_SEGMENT_PAGE, offset, offset + 1)->number, ==, 8);
}

static void
test_corpus_joins (void)
{
  static const char * const joined[] = {
    "consensus- and merit-based standardization system ineffective. In our view",
    "of doing something\" at a given time.³⁶ Thus, international standards",
    "A Chinese media report said in 2020 that only 0.7% of ISO standards",
    "as a standards leader and participant.²⁹ Such disruption",
    "regarding technology standards is to foster the development",
    "on cross-border data transfer due to their different approaches to data protection)",
    "are leading to concerns that the existing international standardisation system may be crumbling, especially",
    "major technological powers, big tech companies from a few countries",
  };
  SpDocumentContent *content = get_corpus ();
  g_autoptr(GPtrArray) paragraphs = sp_test_segments (content, SP_SEGMENT_PARAGRAPH);

  for (guint i = 0; i < G_N_ELEMENTS (joined); i++)
    {
      g_test_message ("join: %s", joined[i]);
      g_assert_nonnull (sp_test_find_containing (content, SP_SEGMENT_PARAGRAPH, joined[i]));
    }

  for (guint i = 0; i < paragraphs->len; i++)
    {
      g_autofree char *text = sp_test_segment_text (content, g_ptr_array_index (paragraphs, i));

      g_test_message ("paragraph: %.60s", text);
      g_assert_false (g_unichar_islower (g_utf8_get_char (text)));
      g_assert_false (g_str_has_prefix (text, "http"));
    }

  /* The body paragraphs that follow footnotes stay body paragraphs. */
  g_assert_nonnull (sp_test_find (content, SP_SEGMENT_PARAGRAPH, "Based on the above sources, we have identified"));
  g_assert_nonnull (sp_test_find (content, SP_SEGMENT_PARAGRAPH, "This “paranoia” on the part of Washington"));
  g_assert_nonnull (sp_test_find (content, SP_SEGMENT_PARAGRAPH, "As regards the Global South"));
  g_assert_nonnull (sp_test_find (content, SP_SEGMENT_PARAGRAPH, "To facilitate effective dialogue on standards"));
}

static void
test_corpus_markup (void)
{
  SpDocumentContent *content = get_corpus ();
  const char *text = content->text->str;
  g_autoptr(GPtrArray) links = sp_test_segments (content, SP_SEGMENT_LINK);
  g_autoptr(GPtrArray) items = sp_test_segments (content, SP_SEGMENT_LIST_ITEM);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  const SpSegment *date;

  g_assert_null (strchr (text, '<'));
  g_assert_null (strchr (text, '>'));
  g_assert_null (strchr (text, '*'));
  g_assert_null (strchr (text, '\\'));
  g_assert_null (strstr (text, "]("));
  g_assert_null (strstr (text, "[http"));
  g_assert_null (strstr (text, "---"));
  for (guint i = 0; lines[i] != NULL; i++)
    g_assert_false (lines[i][0] == '#');

  /* "[all speakers](#)" has no target worth a link. */
  g_assert_nonnull (strstr (text, "we want to thank all speakers of the webinar"));
  for (guint i = 0; i < links->len; i++)
    {
      const SpSegment *link = g_ptr_array_index (links, i);

      g_assert_true (g_str_has_prefix (link->href, "http"));
      g_assert_null (strchr (link->href, '\\'));
    }
  g_assert_nonnull (sp_test_find (content, SP_SEGMENT_LINK, "https://www.congress.gov/bill/117th-congress/senate-bill/1498"));

  date = sp_test_find (content, SP_SEGMENT_EMPHASIS, "November 2022");
  g_assert_nonnull (date);
  g_assert_cmpint (date->level, ==, 2);
  g_assert_cmpint (sp_test_find (content, SP_SEGMENT_EMPHASIS, "Strategy on Standardisation")->level, ==, 1);

  g_assert_cmpuint (items->len, ==, 7);
  for (guint i = 0; i < items->len; i++)
    {
      g_autofree char *item = sp_test_segment_text (content, g_ptr_array_index (items, i));

      g_assert_true (g_str_has_prefix (item, "• "));
    }
}

static void
test_links_and_entities (void)
{
  const char *md =
    "# Links\n\n"
    "See [the site](https://example.org/a_b \"title\") and <https://example.org/auto>. "
    "A bare https://example.org/bare, and [http://x.org/a\\\\_b](http://x.org/a_b). "
    "Entities: &amp; &lt;tag&gt; &#x2014; &#8212; &eacute; &unknown; &#0;.\n\n"
    "<a href=\"https://example.org/html\">HTML link</a> and <i>it</i> <b>bold</b> <u>under</u> "
    "<em>em</em> <strong>strong</strong> <span class=\"x\">span</span> line<br>break.\n";
  g_autoptr(SpDocumentContent) content = sp_test_import (md, -1, "links.md", SP_IMPORT_FORMAT_AUTO);
  const SpSegment *link;

  g_assert_cmpint (content->kind, ==, SP_DOCUMENT_KIND_REPORT);
  g_assert_cmpstr (content->text->str, ==,
                   "Links\n\n"
                   "See the site and https://example.org/auto. A bare https://example.org/bare, "
                   "and http://x.org/a_b. Entities: & <tag> — — é &unknown; \xef\xbf\xbd.\n\n"
                   "HTML link and it bold under em strong span line\nbreak.");

  link = sp_test_find (content, SP_SEGMENT_LINK, "the site");
  g_assert_cmpstr (link->href, ==, "https://example.org/a_b");
  g_assert_cmpstr (sp_test_find (content, SP_SEGMENT_LINK, "https://example.org/auto")->href, ==, "https://example.org/auto");
  g_assert_cmpstr (sp_test_find (content, SP_SEGMENT_LINK, "https://example.org/bare")->href, ==, "https://example.org/bare");
  g_assert_cmpstr (sp_test_find (content, SP_SEGMENT_LINK, "http://x.org/a_b")->href, ==, "http://x.org/a_b");
  g_assert_cmpstr (sp_test_find (content, SP_SEGMENT_LINK, "HTML link")->href, ==, "https://example.org/html");

  g_assert_cmpint (sp_test_find (content, SP_SEGMENT_EMPHASIS, "it")->level, ==, 1);
  g_assert_cmpint (sp_test_find (content, SP_SEGMENT_EMPHASIS, "bold")->level, ==, 2);
  g_assert_cmpint (sp_test_find (content, SP_SEGMENT_EMPHASIS, "under")->level, ==, 3);
  g_assert_cmpint (sp_test_find (content, SP_SEGMENT_EMPHASIS, "em")->level, ==, 1);
  g_assert_cmpint (sp_test_find (content, SP_SEGMENT_EMPHASIS, "strong")->level, ==, 2);
  g_assert_null (sp_test_find (content, SP_SEGMENT_EMPHASIS, "span"));
}

static void
test_lists_tables_code (void)
{
  const char *md =
    "# Lists\n\n"
    "- one\n- two\n  - nested\n- three\n\n"
    "Between.\n\n"
    "3. third\n4. fourth\n\n"
    "| A | B |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n\n"
    "```\ncode *not emphasis*\n  indented\n```\n\n"
    "> quoted **text**\n";
  g_autoptr(SpDocumentContent) content = sp_test_import (md, -1, "lists.md", SP_IMPORT_FORMAT_REPORT);
  g_autoptr(GPtrArray) items = sp_test_segments (content, SP_SEGMENT_LIST_ITEM);

  g_assert_cmpstr (content->text->str, ==,
                   "Lists\n\n"
                   "• one\n• two\n• nested\n• three\n\n"
                   "Between.\n\n"
                   "3. third\n4. fourth\n\n"
                   "A\tB\n1\t2\n3\t4\n\n"
                   "code *not emphasis*\n  indented\n\n"
                   "quoted text");
  g_assert_cmpuint (items->len, ==, 6);
  g_assert_cmpint (((SpSegment *) g_ptr_array_index (items, 2))->level, ==, 2);
  g_assert_cmpint (((SpSegment *) g_ptr_array_index (items, 4))->number, ==, 6);
  g_assert_nonnull (sp_test_find (content, SP_SEGMENT_TABLE, "A\tB\n1\t2"));
  g_assert_nonnull (sp_test_find (content, SP_SEGMENT_PARAGRAPH, "code *not emphasis*"));
  g_assert_cmpint (sp_test_find (content, SP_SEGMENT_EMPHASIS, "text")->level, ==, 2);
}

static void
test_footnote_blocks (void)
{
  g_autofree char *md = NULL;
  gsize len;
  g_autoptr(SpDocumentContent) content = NULL;
  g_autoptr(GPtrArray) footnotes = NULL;
  g_autofree char *note1 = NULL;
  g_autofree char *note2 = NULL;
  g_autofree char *note3 = NULL;

  md = sp_test_read_data ("footnotes.md", &len);
  content = sp_test_import (md, len, "footnotes.md", SP_IMPORT_FORMAT_AUTO);
  footnotes = sp_test_segments (content, SP_SEGMENT_FOOTNOTE);

  g_assert_cmpuint (footnotes->len, ==, 4);
  note1 = sp_test_segment_text (content, g_ptr_array_index (footnotes, 0));
  note2 = sp_test_segment_text (content, g_ptr_array_index (footnotes, 1));
  note3 = sp_test_segment_text (content, g_ptr_array_index (footnotes, 2));
  g_assert_cmpstr (note1, ==, "¹ First note.\nhttps://example.org/one");
  g_assert_cmpstr (note2, ==, "² Second note, continued on the next page.\n"
                              "Smith, J. (2020). A Citation Continues It.");
  g_assert_cmpstr (note3, ==, "³ Third note.");
  /* Footnote 9 has no reference; reference 8 has no footnote. */
  g_assert_cmpint (((SpSegment *) g_ptr_array_index (footnotes, 3))->number, ==, 9);
  g_assert_cmpint (((SpSegment *) g_ptr_array_index (footnotes, 3))->target, ==, -1);
  g_assert_null (sp_test_find (content, SP_SEGMENT_FOOTNOTE, "⁸"));
  g_assert_nonnull (strstr (content->text->str, "dangling⁸ reference"));

  g_assert_cmpstr (content->text->str, ==,
                   "Footnote blocks\n\n"
                   "Body with a note¹ and another² that runs over to the next page "
                   "of the report, where it ends.³\n\n"
                   "This paragraph is body text again, although it comes right after the notes.\n\n"
                   "A heading ends the notes\n\n"
                   "Not a note: a dangling⁸ reference.\n\n"
                   "Notes\n\n"
                   "¹ First note.\nhttps://example.org/one\n\n"
                   "² Second note, continued on the next page.\nSmith, J. (2020). A Citation Continues It.\n\n"
                   "³ Third note.\n\n"
                   "⁹ Orphan note.");
}

static void
test_page_without_footnotes (void)
{
  const char *md =
    "# Title\n\nFirst page text\n\n---\n\ncontinues here.\n\n"
    "## Contents\n\nINTRO .....\t3\nMORE.....\t9\n\n"
    "## Intro\n\nText.\n\n## More\n\nText.\n";
  g_autoptr(SpDocumentContent) content = sp_test_import (md, -1, NULL, SP_IMPORT_FORMAT_REPORT);

  g_assert_nonnull (sp_test_find (content, SP_SEGMENT_PARAGRAPH, "First page text continues here."));
  assert_on_page (content, SP_SEGMENT_HEADING, "Title", 1);
  assert_on_page (content, SP_SEGMENT_HEADING, "Contents", 2);
  assert_on_page (content, SP_SEGMENT_HEADING, "Intro", 3);
  assert_on_page (content, SP_SEGMENT_HEADING, "More", 9);
  g_assert_cmpint (sp_test_find (content, SP_SEGMENT_TOC_ENTRY, "INTRO\t3")->number, ==, 3);
}

int
main (int    argc,
      char **argv)
{
  int result;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/report/corpus/title-and-headings", test_corpus_title_and_headings);
  g_test_add_func ("/import/report/corpus/toc", test_corpus_toc);
  g_test_add_func ("/import/report/corpus/table", test_corpus_table);
  g_test_add_func ("/import/report/corpus/footnotes", test_corpus_footnotes);
  g_test_add_func ("/import/report/corpus/pages", test_corpus_pages);
  g_test_add_func ("/import/report/corpus/joins", test_corpus_joins);
  g_test_add_func ("/import/report/corpus/markup", test_corpus_markup);
  g_test_add_func ("/import/report/links-and-entities", test_links_and_entities);
  g_test_add_func ("/import/report/lists-tables-code", test_lists_tables_code);
  g_test_add_func ("/import/report/footnote-blocks", test_footnote_blocks);
  g_test_add_func ("/import/report/page-without-footnotes", test_page_without_footnotes);

  result = g_test_run ();
  g_clear_pointer (&corpus, sp_document_content_free);

  return result;
}
