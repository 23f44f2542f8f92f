/* test-import-transcript.c: the webinar transcript of the corpus, and the
 * other transcript layouts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "test-import-util.h"

#define CORPUS_TRANSCRIPT "geopolitics-of-standards-webinar-transcript.txt"

static SpDocumentContent *corpus;

static SpDocumentContent *
get_corpus (void)
{
  if (corpus == NULL)
    corpus = sp_test_import_corpus (CORPUS_TRANSCRIPT);
  return corpus;
}

static void
test_corpus_kind_and_title (void)
{
  SpDocumentContent *content = get_corpus ();
  g_autoptr(GPtrArray) headings = sp_test_segments (content, SP_SEGMENT_HEADING);
  const SpSegment *heading;
  g_autofree char *text = NULL;
  const SpSegment *before;

  g_assert_cmpint (content->kind, ==, SP_DOCUMENT_KIND_TRANSCRIPT);
  g_assert_cmpstr (content->title, ==,
                   "Edited transcript of Webinar | The Geopolitics of Global High-tech "
                   "Standards: Key issues and debates");
  g_assert_cmpuint (content->warnings->len, ==, 0);

  /* The title line and the Notes heading. */
  g_assert_cmpuint (headings->len, ==, 2);
  heading = g_ptr_array_index (headings, 0);
  text = sp_test_segment_text (content, heading);
  g_assert_cmpuint (heading->start, ==, 0);
  g_assert_cmpint (heading->level, ==, 1);
  g_assert_cmpstr (text, ==, content->title);

  /* The line before the first speaker is a paragraph outside any turn. */
  before = sp_test_find (content, SP_SEGMENT_PARAGRAPH, "(Webinar held by Oxford Global Society");
  g_assert_nonnull (before);
  g_assert_cmpint (before->number, ==, 1);
  g_assert_null (sp_test_enclosing (content, SP_SEGMENT_TURN, before->start, before->end));
}

static void
test_corpus_speakers (void)
{
  static const struct { const char *name; guint n_turns; } expected[] = {
    { "Robin Mansell", 21 }, { "Milton Mueller", 4 }, { "Thomas Li", 4 },
    { "Andrea Renda", 4 }, { "June Park", 4 }, { "Baisheng An", 3 },
    { "Scott Kennedy", 2 }, { "Claire Milne", 1 },
  };
  SpDocumentContent *content = get_corpus ();
  g_autoptr(GPtrArray) turns = sp_test_segments (content, SP_SEGMENT_TURN);
  g_autoptr(GPtrArray) labels = sp_test_segments (content, SP_SEGMENT_SPEAKER);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_timed = 0;

  /* 42 "Name 00:00" lines, and one "Robin Mansell" line without a time
   * (before "OK, thank you, Scott."), which is a turn of its own. */
  g_assert_cmpuint (turns->len, ==, 43);
  g_assert_cmpuint (labels->len, ==, 43);

  for (guint i = 0; i < turns->len; i++)
    {
      const SpSegment *turn = g_ptr_array_index (turns, i);
      const SpSegment *label = g_ptr_array_index (labels, i);
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, turn->speaker));

      /* The label opens its turn, with the same speaker and time. */
      g_assert_cmpuint (label->start, ==, turn->start);
      g_assert_cmpstr (label->speaker, ==, turn->speaker);
      g_assert_cmpint (label->timestamp_ms, ==, turn->timestamp_ms);
      if (turn->timestamp_ms >= 0)
        n_timed++;
      if (i + 1 < turns->len)
        g_assert_cmpuint (turn->end, <, ((SpSegment *) g_ptr_array_index (turns, i + 1))->start);

      if (count == 0)
        g_ptr_array_add (order, turn->speaker);
      g_hash_table_insert (counts, turn->speaker, GUINT_TO_POINTER (count + 1));
    }
  g_assert_cmpuint (n_timed, ==, 42);

  g_assert_cmpuint (order->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_cmpstr (g_ptr_array_index (order, i), ==, expected[i].name);
      g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, expected[i].name)), ==,
                        expected[i].n_turns);
    }
}

static void
test_corpus_first_turn (void)
{
  SpDocumentContent *content = get_corpus ();
  const SpSegment *turn = sp_test_find (content, SP_SEGMENT_TURN, "");
  const SpSegment *label = sp_test_find (content, SP_SEGMENT_SPEAKER, "");
  const SpSegment *paragraph;
  g_autofree char *label_text = sp_test_segment_text (content, label);
  g_autofree char *turn_text = sp_test_segment_text (content, turn);
  g_autoptr(GPtrArray) items = sp_test_segments (content, SP_SEGMENT_LIST_ITEM);
  g_autofree char *first_item = NULL;

  g_assert_cmpstr (turn->speaker, ==, "Robin Mansell");
  g_assert_cmpint (turn->timestamp_ms, ==, 9000);
  g_assert_cmpstr (label_text, ==, "Robin Mansell 00:09");
  g_assert_true (g_str_has_prefix (turn_text, "Robin Mansell 00:09\n\nWelcome to this webinar"));
  g_assert_true (g_str_has_suffix (turn_text, "can I invite our first speaker Milton Mueller to begin please?"));

  /* Its first paragraph directly follows the label block. */
  paragraph = sp_test_find (content, SP_SEGMENT_PARAGRAPH, "Welcome to this webinar on the geopolitics");
  g_assert_nonnull (paragraph);
  g_assert_cmpuint (paragraph->start, ==, label->end + 2);
  g_assert_true (sp_test_enclosing (content, SP_SEGMENT_TURN, paragraph->start, paragraph->end) == turn);

  /* The "- " questions are one list: bullets, one item per line. */
  g_assert_cmpuint (items->len, ==, 6);
  first_item = sp_test_segment_text (content, g_ptr_array_index (items, 0));
  g_assert_cmpstr (first_item, ==, "• does standardization in these areas raise new or distinctive questions?");
  for (guint i = 1; i < items->len; i++)
    {
      const SpSegment *previous = g_ptr_array_index (items, i - 1);
      const SpSegment *item = g_ptr_array_index (items, i);

      g_assert_cmpuint (item->start, ==, previous->end + 1);
      g_assert_cmpint (item->number, ==, previous->number + 1);
    }
}

static void
test_corpus_timestamps (void)
{
  SpDocumentContent *content = get_corpus ();
  const SpSegment *label = sp_test_find (content, SP_SEGMENT_SPEAKER, "Robin Mansell 01:03:02");
  const SpSegment *untimed = NULL;
  const SpSegment *next;
  g_autofree char *untimed_text = NULL;

  g_assert_nonnull (label);
  g_assert_cmpint (label->timestamp_ms, ==, 3782000);
  g_assert_cmpint (sp_test_find (content, SP_SEGMENT_SPEAKER, "Milton Mueller 06:03")->timestamp_ms, ==, 363000);
  g_assert_cmpint (sp_test_find (content, SP_SEGMENT_SPEAKER, "Robin Mansell 01:34:45")->timestamp_ms, ==, 5685000);

  /* The bare "Robin Mansell" line: a turn without a time. */
  for (guint i = 0; i < content->segments->len; i++)
    {
      const SpSegment *segment = &g_array_index (content->segments, SpSegment, i);
      g_autofree char *text = NULL;

      if (segment->kind != SP_SEGMENT_SPEAKER)
        continue;
      text = sp_test_segment_text (content, segment);
      if (g_str_equal (text, "Robin Mansell"))
        untimed = segment;
    }
  g_assert_nonnull (untimed);
  untimed_text = sp_test_segment_text (content, untimed);
  g_assert_cmpint (untimed->timestamp_ms, ==, -1);
  next = sp_test_find (content, SP_SEGMENT_PARAGRAPH, "OK, thank you, Scott.");
  g_assert_nonnull (next);
  g_assert_true (sp_test_enclosing (content, SP_SEGMENT_TURN, next->start, next->end)->start == untimed->start);
}

static void
test_corpus_footnotes (void)
{
  SpDocumentContent *content = get_corpus ();
  g_autoptr(GPtrArray) footnotes = sp_test_segments (content, SP_SEGMENT_FOOTNOTE);
  g_autoptr(GPtrArray) refs = sp_test_segments (content, SP_SEGMENT_FOOTNOTE_REF);
  static const char * const starts[] = {
    "¹ https://www.whitehouse.gov/wp-content/uploads/2022/02-2022-Critical-and-Emerging-Technologies-List-Update.pdf",
    "² For much valuable background material please see An, Baisheng, 2012.",
    "³ In brief, these are: 1. Transparency 2. Openness",
    "⁴ ISO/IEC JTC 1/SC 42 Artificial intelligence",
  };
  const SpSegment *notes = sp_test_find (content, SP_SEGMENT_NOTES, "Notes\n\n¹ ");

  g_assert_nonnull (notes);
  g_assert_cmpuint (notes->end, ==, content->n_chars);
  g_assert_cmpuint (footnotes->len, ==, 4);
  g_assert_cmpuint (refs->len, ==, 4);

  for (guint i = 0; i < footnotes->len; i++)
    {
      const SpSegment *footnote = g_ptr_array_index (footnotes, i);
      const SpSegment *ref = &g_array_index (content->segments, SpSegment, footnote->target);
      g_autofree char *text = sp_test_segment_text (content, footnote);
      g_autofree char *ref_text = sp_test_segment_text (content, ref);

      g_assert_cmpint (footnote->number, ==, (int) i + 1);
      g_assert_true (g_str_has_prefix (text, starts[i]));
      g_assert_cmpint (ref->number, ==, (int) i + 1);
      /* References sit in the running text, before the notes. */
      g_assert_cmpuint (ref->end, <=, notes->start);
      g_assert_cmpuint (g_utf8_strlen (ref_text, -1), ==, 1);
      g_assert_true (&g_array_index (content->segments, SpSegment, ref->target) == footnote);
    }

  /* Footnote text lines are gone from the running text. */
  g_assert_cmpint (sp_test_offset_of (content, "\n\n¹ "), >, (int) notes->start - 2);
  g_assert_null (strstr (content->text->str, "<u>"));
  g_assert_null (strstr (content->text->str, "</u>"));

  /* The footnote URL is a link. */
  {
    const SpSegment *footnote = g_ptr_array_index (footnotes, 0);
    const SpSegment *link = sp_test_find (content, SP_SEGMENT_LINK, "https://www.whitehouse.gov/");

    g_assert_nonnull (link);
    g_assert_cmpstr (link->href, ==,
                     "https://www.whitehouse.gov/wp-content/uploads/2022/02-2022-Critical-and-Emerging-Technologies-List-Update.pdf");
    g_assert_cmpuint (link->start, >=, footnote->start);
    g_assert_cmpuint (link->end, <=, footnote->end);
  }
}

static void
test_corpus_footnote_on_speaker (void)
{
  SpDocumentContent *content = get_corpus ();
  const SpSegment *label = sp_test_find (content, SP_SEGMENT_SPEAKER, "Baisheng An² 40:05");
  g_autoptr(GPtrArray) refs = sp_test_segments (content, SP_SEGMENT_FOOTNOTE_REF);
  const SpSegment *ref = NULL;
  const SpSegment *footnote;
  g_autofree char *footnote_text = NULL;

  g_assert_nonnull (label);
  g_assert_cmpstr (label->speaker, ==, "Baisheng An");
  g_assert_cmpint (label->timestamp_ms, ==, 2405000);
  g_assert_cmpstr (sp_test_enclosing (content, SP_SEGMENT_TURN, label->start, label->end)->speaker, ==, "Baisheng An");

  for (guint i = 0; i < refs->len; i++)
    if (((SpSegment *) g_ptr_array_index (refs, i))->number == 2)
      ref = g_ptr_array_index (refs, i);
  g_assert_nonnull (ref);
  g_assert_cmpuint (ref->start, ==, label->start + strlen ("Baisheng An"));
  g_assert_cmpuint (ref->end, <=, label->end);

  footnote = &g_array_index (content->segments, SpSegment, ref->target);
  footnote_text = sp_test_segment_text (content, footnote);
  g_assert_true (g_str_has_prefix (footnote_text, "² For much valuable background"));
  g_assert_cmpint (sp_test_index_of (content, ref), ==, footnote->target);
}

static void
test_corpus_footnote_after_other_turn (void)
{
  SpDocumentContent *content = get_corpus ();
  const SpSegment *label = sp_test_find (content, SP_SEGMENT_SPEAKER, "Robin Mansell 47:59");
  const SpSegment *turn = sp_test_enclosing (content, SP_SEGMENT_TURN, label->start, label->end);
  const SpSegment *footnote = sp_test_find (content, SP_SEGMENT_FOOTNOTE, "³ ");
  const SpSegment *ref = &g_array_index (content->segments, SpSegment, footnote->target);
  g_autofree char *turn_text = sp_test_segment_text (content, turn);

  g_assert_null (strstr (turn_text, "In brief, these are"));
  g_assert_true (g_str_has_suffix (turn_text, "would you like to go ahead, thank you."));
  g_assert_null (sp_test_enclosing (content, SP_SEGMENT_TURN, footnote->start, footnote->end));

  /* Its reference ("principles³") is in Baisheng An's turn. */
  g_assert_cmpstr (sp_test_enclosing (content, SP_SEGMENT_TURN, ref->start, ref->end)->speaker, ==, "Baisheng An");
  g_assert_cmpint (sp_test_offset_of (content, "principles³"), ==, (int) ref->start - (int) strlen ("principles"));
}

static void
test_corpus_joins (void)
{
  static const char * const joined[] = {
    "So I call that turn away digital neo-mercantilism. I see it",
    "any capital-raising effort, that they fear might develop competition in a foreign land. So I'll leave it there",
    "The TBT agreement and GATS for trade in services, maybe, it's said, the organization should be open",
    "but the private sector could also be the one that convinces, by insisting for a global market",
    "and what is the role of some fundamental human rights when you define human centricity?",
    "are shared in the global community. The more you go into policy and values",
  };
  SpDocumentContent *content = get_corpus ();
  g_autoptr(GPtrArray) paragraphs = sp_test_segments (content, SP_SEGMENT_PARAGRAPH);

  for (guint i = 0; i < G_N_ELEMENTS (joined); i++)
    {
      const SpSegment *paragraph = sp_test_find_containing (content, SP_SEGMENT_PARAGRAPH, joined[i]);
      int offset = sp_test_offset_of (content, joined[i]);

      g_test_message ("join %u: %s", i, joined[i]);
      g_assert_nonnull (paragraph);
      g_assert_cmpint (offset, >=, (int) paragraph->start);
    }

  /* And so no paragraph starts with a lowercase letter. */
  for (guint i = 0; i < paragraphs->len; i++)
    {
      g_autofree char *text = sp_test_segment_text (content, g_ptr_array_index (paragraphs, i));

      g_assert_false (g_unichar_islower (g_utf8_get_char (text)));
    }
}

static void
test_corpus_inline (void)
{
  SpDocumentContent *content = get_corpus ();
  const SpSegment *emphasis = sp_test_find (content, SP_SEGMENT_EMPHASIS, "the AI Act");
  g_autofree char *text = NULL;

  g_assert_nonnull (emphasis);
  g_assert_cmpint (emphasis->level, ==, 1);
  text = sp_test_segment_text (content, emphasis);
  g_assert_cmpstr (text, ==, "the AI Act");
  g_assert_null (strchr (content->text->str, '*'));
  g_assert_nonnull (strstr (content->text->str, "SC 42⁴ is doing"));
}

static void
test_colon_transcript (void)
{
  g_autofree char *data = NULL;
  gsize len;
  g_autoptr(SpDocumentContent) content = NULL;
  g_autoptr(GPtrArray) turns = NULL;
  const SpSegment *turn;
  g_autofree char *label = NULL;
  g_autofree char *turn_text = NULL;

  data = sp_test_read_data ("hearing.txt", &len);
  g_assert_cmpint (sp_import_detect_format (data, len, "hearing.txt"), ==, SP_IMPORT_FORMAT_TRANSCRIPT);
  content = sp_test_import (data, len, "hearing.txt", SP_IMPORT_FORMAT_AUTO);
  turns = sp_test_segments (content, SP_SEGMENT_TURN);

  g_assert_cmpstr (content->title, ==, "Hearing on Technical Standards");
  g_assert_cmpuint (turns->len, ==, 6);
  turn = g_ptr_array_index (turns, 0);
  g_assert_cmpstr (turn->speaker, ==, "CHAIR SMITH");
  g_assert_cmpint (turn->timestamp_ms, ==, -1);
  label = sp_test_segment_text (content, sp_test_find (content, SP_SEGMENT_SPEAKER, ""));
  g_assert_cmpstr (label, ==, "CHAIR SMITH");
  turn_text = sp_test_segment_text (content, turn);
  /* The text after the colon is the turn's first paragraph; a line without
   * a name continues it; the note line is not a speaker. */
  g_assert_cmpstr (turn_text, ==,
                   "CHAIR SMITH\n\nThe committee will come to order.\n"
                   "We meet today to discuss standards.\n\n"
                   "Note: the record stays open for two weeks.");

  g_assert_cmpstr (((SpSegment *) g_ptr_array_index (turns, 1))->speaker, ==, "Mr. Jones");
  g_assert_cmpstr (((SpSegment *) g_ptr_array_index (turns, 2))->speaker, ==, "Dr. María López-García");
  g_assert_cmpstr (((SpSegment *) g_ptr_array_index (turns, 3))->speaker, ==, "CHAIR SMITH");
  g_assert_cmpstr (((SpSegment *) g_ptr_array_index (turns, 4))->speaker, ==, "Jane Doe");
  g_assert_cmpint (((SpSegment *) g_ptr_array_index (turns, 4))->timestamp_ms, ==, 3723000);
  g_assert_cmpstr (((SpSegment *) g_ptr_array_index (turns, 5))->speaker, ==, "Mr. Jones");
  g_assert_cmpint (((SpSegment *) g_ptr_array_index (turns, 5))->timestamp_ms, ==, 3730500);
  g_assert_nonnull (sp_test_find (content, SP_SEGMENT_SPEAKER, "[01:02:03] Jane Doe"));
  g_assert_nonnull (sp_test_find (content, SP_SEGMENT_SPEAKER, "Mr. Jones (01:02:10.5)"));
  g_assert_nonnull (sp_test_find (content, SP_SEGMENT_PARAGRAPH, "Thank you, Chair."));
}

static void
test_prose_with_colons (void)
{
  const char *prose =
    "Meeting notes\n\n"
    "Summary: the group agreed on three points.\n\n"
    "However: there was no agreement on funding.\n\n"
    "Important: the next meeting is in March.\n\n"
    "The chair said the following: we should wait.\n\n"
    "Background: standards bodies differ.\n";
  const char *two_names =
    "Interview\n\n"
    "Alice: Hello there, this is long prose with many sentences.\n\n"
    "The rest of this text is ordinary prose written by one person, with many "
    "paragraphs that do not start with a name.\n\n"
    "Another paragraph of prose.\n\nAnd another.\n\nAnd one more.\n\n"
    "Bob: a single remark.\n\nEnd of text, and more prose.\n\nMore prose.\n\nStill prose.\n";

  g_assert_cmpint (sp_import_detect_format (prose, strlen (prose), NULL), ==, SP_IMPORT_FORMAT_TEXT);
  g_assert_cmpint (sp_import_detect_format (two_names, strlen (two_names), NULL), ==, SP_IMPORT_FORMAT_TEXT);
}

static void
test_speaker_line_variants (void)
{
  const char *text =
    "Panel\n\n"
    "Ana Silva (00:12)\n\nFirst.\n\n"
    "[1:02:03] Bo Chen\n\nSecond.\n\n"
    "Ursula von der Leyen 5:07\n\nThird.\n\n"
    "Not A Speaker 00:61\n\n"
    "Ana Silva [10:00]\n\nFourth.\n";
  g_autoptr(SpDocumentContent) content = sp_test_import (text, -1, NULL, SP_IMPORT_FORMAT_AUTO);
  g_autoptr(GPtrArray) turns = sp_test_segments (content, SP_SEGMENT_TURN);
  static const struct { const char *speaker; gint64 ms; } expected[] = {
    { "Ana Silva", 12000 }, { "Bo Chen", 3723000 }, { "Ursula von der Leyen", 307000 },
    { "Ana Silva", 600000 },
  };

  g_assert_cmpint (content->kind, ==, SP_DOCUMENT_KIND_TRANSCRIPT);
  g_assert_cmpuint (turns->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < turns->len; i++)
    {
      const SpSegment *turn = g_ptr_array_index (turns, i);

      g_assert_cmpstr (turn->speaker, ==, expected[i].speaker);
      g_assert_cmpint (turn->timestamp_ms, ==, expected[i].ms);
    }
  /* 00:61 is no time: that line is text in Ursula von der Leyen's turn. */
  g_assert_nonnull (sp_test_find (content, SP_SEGMENT_PARAGRAPH, "Not A Speaker 00:61"));
}

static void
test_transcript_without_title (void)
{
  const char *text = "Robin Mansell 00:01\n\nHello.\n\nMilton Mueller 00:05\n\nHi.\n";
  g_autoptr(SpDocumentContent) content = sp_test_import (text, -1, NULL, SP_IMPORT_FORMAT_AUTO);
  g_autoptr(GPtrArray) headings = sp_test_segments (content, SP_SEGMENT_HEADING);

  g_assert_cmpint (content->kind, ==, SP_DOCUMENT_KIND_TRANSCRIPT);
  g_assert_null (content->title);
  g_assert_cmpuint (headings->len, ==, 0);
  g_assert_cmpstr (content->text->str, ==, "Robin Mansell 00:01\n\nHello.\n\nMilton Mueller 00:05\n\nHi.");
}

int
main (int    argc,
      char **argv)
{
  int result;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/transcript/corpus/kind-and-title", test_corpus_kind_and_title);
  g_test_add_func ("/import/transcript/corpus/speakers", test_corpus_speakers);
  g_test_add_func ("/import/transcript/corpus/first-turn", test_corpus_first_turn);
  g_test_add_func ("/import/transcript/corpus/timestamps", test_corpus_timestamps);
  g_test_add_func ("/import/transcript/corpus/footnotes", test_corpus_footnotes);
  g_test_add_func ("/import/transcript/corpus/footnote-on-speaker", test_corpus_footnote_on_speaker);
  g_test_add_func ("/import/transcript/corpus/footnote-after-other-turn", test_corpus_footnote_after_other_turn);
  g_test_add_func ("/import/transcript/corpus/joins", test_corpus_joins);
  g_test_add_func ("/import/transcript/corpus/inline", test_corpus_inline);
  g_test_add_func ("/import/transcript/colon", test_colon_transcript);
  g_test_add_func ("/import/transcript/prose-with-colons", test_prose_with_colons);
  g_test_add_func ("/import/transcript/speaker-variants", test_speaker_line_variants);
  g_test_add_func ("/import/transcript/no-title", test_transcript_without_title);

  result = g_test_run ();
  g_clear_pointer (&corpus, sp_document_content_free);

  return result;
}
