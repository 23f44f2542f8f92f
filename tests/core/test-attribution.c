/* test-attribution.c: the attribution check on the sample corpus — which
 * report sentences are attributed passages and to whom, which transcript
 * paragraphs are proposed for them, accepting and rejecting with undo, and
 * what is refused. Also the sentence splitting and word folding it uses.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sp-annotations.h"
#include "sp-attribution.h"
#include "sp-attribution-rank.h"
#include "sp-attribution-text.h"
#include "sp-error.h"
#include "sp-links.h"
#include "test-helpers.h"

/* Checked by hand against the report: 23 sentences carry a footnote that
 * is "See expert discussion" or an "Ibid." chained to one; 29 name a
 * stakeholder (the body's 30 mentions, two in one sentence) and 9 more
 * refer back with "he" ("He notes that …"), so 38 name someone; 4 of the
 * citing sentences name nobody. 42 sentences in all. The acknowledgements
 * name two stakeholders too (the reviewer, the authors' signature) but
 * state nobody's position, and are left out. */
#define N_SAMPLE_ATTRIBUTIONS 42
#define ACKNOWLEDGEMENTS_END  1574

typedef struct
{
  SpTestFixture  base;
  gint64         report_id;
  gint64         transcript_id;
  char          *transcript_text;
  GPtrArray     *attributions;
} Fixture;

static GPtrArray *
check (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *attributions;

  attributions = sp_project_check_attributions (fixture->base.project, fixture->report_id,
                                                fixture->transcript_id, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (attributions);
  return attributions;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  sp_test_fixture_set_up_sample (&fixture->base, data);
  sp_test_sample_ids (fixture->base.project, &fixture->report_id, &fixture->transcript_id);
  fixture->transcript_text = sp_project_get_document_text (fixture->base.project, fixture->transcript_id, &error);
  g_assert_no_error (error);
  fixture->attributions = check (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->attributions, g_ptr_array_unref);
  g_free (fixture->transcript_text);
  sp_test_fixture_tear_down (&fixture->base, data);
}

/* The attributed passage whose text starts with @prefix. */
static SpAttribution *
find_passage (GPtrArray  *attributions,
              const char *prefix)
{
  for (guint i = 0; i < attributions->len; i++)
    {
      SpAttribution *attribution = g_ptr_array_index (attributions, i);

      if (g_str_has_prefix (attribution->text, prefix))
        return attribution;
    }
  g_assert_not_reached ();
}

static gint64
offset_of (const char *text,
           const char *needle)
{
  const char *hit = strstr (text, needle);

  g_assert_nonnull (hit);
  return g_utf8_pointer_to_offset (text, hit);
}

static void
test_sentences (void)
{
  const char *text =
    "Dr. Smith met Mr. Jones in the U.S. in 2022. They agreed, e.g. on trade, i.e. tariffs. "
    "Milton L. Mueller disagreed!¹⁸ “Why?” he asked. (No. 5 was next.) The end";
  const char *expected[] = {
    "Dr. Smith met Mr. Jones in the U.S. in 2022.",
    "They agreed, e.g. on trade, i.e. tariffs.",
    "Milton L. Mueller disagreed!¹⁸",
    "“Why?” he asked.",
    "(No. 5 was next.)",
    "The end",
  };
  g_autoptr(GArray) sentences = g_array_new (FALSE, FALSE, sizeof (gsize));

  sp_split_sentences (text, strlen (text), sentences);
  g_assert_cmpuint (sentences->len, ==, 2 * G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      gsize start = g_array_index (sentences, gsize, 2 * i);
      gsize end = g_array_index (sentences, gsize, 2 * i + 1);
      g_autofree char *sentence = g_strndup (text + start, end - start);

      g_assert_cmpstr (sentence, ==, expected[i]);
    }
}

static void
append_word_cb (const char *word,
                gsize       word_len,
                gpointer    user_data)
{
  g_string_append_printf (user_data, "%.*s ", (int) word_len, word);
}

static void
test_words (void)
{
  const char *text = "The Économie of Standards, and the policies of Müller’s Rivalry¹⁸ in 5G";
  g_autoptr(GString) words = g_string_new (NULL);
  g_autoptr(SpBm25Index) index = sp_bm25_index_new ();
  g_autoptr(GArray) hits = NULL;

  sp_foreach_word (text, strlen (text), append_word_cb, words);
  g_assert_cmpstr (words->str, ==, "economie standard policy muller rivalry 5g ");

  /* The passage sharing the rarer word ranks first; one sharing nothing
   * is no hit at all. */
  sp_bm25_index_add (index, "standards and more standards", strlen ("standards and more standards"), 1);
  sp_bm25_index_add (index, "rivalry over standards", strlen ("rivalry over standards"), 2);
  sp_bm25_index_add (index, "nothing in common", strlen ("nothing in common"), 1);
  sp_bm25_index_add (index, "standard fare", strlen ("standard fare"), 1);
  hits = sp_bm25_index_query (index, "standards rivalry", strlen ("standards rivalry"), NULL, 10);
  g_assert_cmpuint (hits->len, ==, 3);
  g_assert_cmpuint (g_array_index (hits, SpBm25Hit, 0).passage, ==, 1);
  g_assert_cmpfloat (g_array_index (hits, SpBm25Hit, 0).score, >, g_array_index (hits, SpBm25Hit, 1).score);
  g_clear_pointer (&hits, g_array_unref);

  /* Group 1 only: the two passages saying "standard(s)", the one saying it
   * twice first. */
  hits = sp_bm25_index_query (index, "standards rivalry", strlen ("standards rivalry"), &(gint64) { 1 }, 10);
  g_assert_cmpuint (hits->len, ==, 2);
  g_assert_cmpuint (g_array_index (hits, SpBm25Hit, 0).passage, ==, 0);
  g_assert_cmpuint (g_array_index (hits, SpBm25Hit, 1).passage, ==, 3);
}

/* The words a view marks in a candidate: those the ranking shares with
 * the passage, across case, accents and plurals, never stop words. */
static void
test_shared_words (void)
{
  const char *passage = "As Müller says, the main contest was about Rents and standards.";
  const char *candidate = "The contest? It was about rents: MULLER sets the standard, not the state.";
  g_autoptr(GArray) ranges = sp_attribution_shared_word_ranges (passage, candidate);
  g_autoptr(GString) marked = g_string_new (NULL);

  for (guint i = 0; i + 1 < ranges->len; i += 2)
    g_string_append_printf (marked, "[%.*s]",
                            (int) (g_array_index (ranges, gsize, i + 1) - g_array_index (ranges, gsize, i)),
                            candidate + g_array_index (ranges, gsize, i));
  g_assert_cmpstr (marked->str, ==, "[contest][rents][MULLER][standard]");
  g_assert_cmpuint (g_array_index (ranges, gsize, 0), ==, 4);
  g_assert_cmpuint (g_array_index (ranges, gsize, 1), ==, 11);
}

static void
test_sample_passages (Fixture       *fixture,
                      gconstpointer  data)
{
  GPtrArray *attributions = fixture->attributions;
  SpAttribution *kennedy, *he_notes, *ibid, *li, *mueller;
  SpAttributionCandidate *first;
  g_autofree char *rents_turn = NULL;
  guint n_cite = 0, n_name = 0;

  g_assert_cmpuint (attributions->len, ==, N_SAMPLE_ATTRIBUTIONS);
  for (guint i = 0; i < attributions->len; i++)
    {
      SpAttribution *attribution = g_ptr_array_index (attributions, i);

      g_assert_cmpint (attribution->document_id, ==, fixture->report_id);
      g_assert_cmpint (attribution->state, !=, SP_ATTRIBUTION_LINKED);
      n_cite += (attribution->reasons & SP_ATTRIBUTION_CITES_DISCUSSION) != 0;
      n_name += (attribution->reasons & SP_ATTRIBUTION_NAMES_STAKEHOLDER) != 0;
      if (i > 0)
        g_assert_cmpint (attribution->start, >=, ((SpAttribution *) attributions->pdata[i - 1])->end);
      g_assert_cmpint (attribution->start, >, ACKNOWLEDGEMENTS_END);
    }
  g_assert_cmpuint (n_cite, ==, 23);
  g_assert_cmpuint (n_name, ==, 38);

  kennedy = find_passage (attributions, "As Kennedy observes, competition over international standards used to "
                                        "centre on economic interests");
  g_assert_true (g_str_has_suffix (kennedy->text, "other interests including national security are being squeezed in.¹⁸"));
  g_assert_cmpint (kennedy->start, ==, 10537);
  g_assert_cmpint (kennedy->end, ==, 10819);
  g_assert_cmpstr (kennedy->stakeholder, ==, "Scott Kennedy");
  g_assert_cmpint (kennedy->reasons, ==, SP_ATTRIBUTION_NAMES_STAKEHOLDER | SP_ATTRIBUTION_CITES_DISCUSSION);
  g_assert_cmpint (kennedy->footnote, ==, 18);
  g_assert_cmpint (kennedy->state, ==, SP_ATTRIBUTION_PROPOSED);
  g_assert_cmpuint (kennedy->candidates->len, ==, 5);

  /* Kennedy's turn paragraph on rents, at 1:29:59. */
  first = g_ptr_array_index (kennedy->candidates, 0);
  rents_turn = g_strdup ("I would just say more broadly, the standards world when I first started paying attention "
                         "20 years ago, 25 years ago, the main contest was about rents.");
  g_assert_cmpint (first->start, ==, offset_of (fixture->transcript_text, rents_turn));
  g_assert_cmpint (first->start, ==, 67869);
  g_assert_cmpint (first->end, ==, 69683);
  g_assert_true (g_str_has_prefix (first->text, rents_turn));
  g_assert_cmpstr (first->speaker, ==, "Scott Kennedy");
  g_assert_cmpint (first->stakeholder_id, ==, kennedy->stakeholder_id);
  g_assert_cmpint (first->timestamp_ms, ==, (1 * 3600 + 29 * 60 + 59) * 1000);
  g_assert_cmpfloat (first->score, >, ((SpAttributionCandidate *) kennedy->candidates->pdata[1])->score);

  /* The next sentence names nobody and cites nothing, but "He" is Kennedy. */
  he_notes = find_passage (attributions, "He notes that this situation is partly because the USA lacks");
  g_assert_cmpint (he_notes->start, ==, kennedy->end + 1);
  g_assert_cmpstr (he_notes->stakeholder, ==, "Scott Kennedy");
  g_assert_cmpint (he_notes->reasons, ==, SP_ATTRIBUTION_NAMES_STAKEHOLDER);
  g_assert_cmpint (he_notes->footnote, ==, 0);

  /* Footnote 19 is "Ibid." after 18's "See expert discussion". */
  ibid = find_passage (attributions, "As Kennedy points out, in the West");
  g_assert_cmpint (ibid->footnote, ==, 19);
  g_assert_true (ibid->reasons & SP_ATTRIBUTION_CITES_DISCUSSION);
  /* A sentence citing footnote 33, an "Ibid." after a NIST source, is not
   * one: nothing in its paragraph names anyone either. */
  for (guint i = 0; i < attributions->len; i++)
    g_assert_cmpint (((SpAttribution *) attributions->pdata[i])->footnote, !=, 33);

  li = find_passage (attributions, "This “challenger” role was strongly disputed by Thomas Li");
  g_assert_cmpstr (li->stakeholder, ==, "Thomas Li");
  g_assert_cmpuint (li->candidates->len, ==, 5);
  for (guint i = 0; i < li->candidates->len; i++)
    g_assert_cmpstr (((SpAttributionCandidate *) li->candidates->pdata[i])->speaker, ==, "Thomas Li");
  g_assert_true (g_str_has_prefix (((SpAttributionCandidate *) li->candidates->pdata[0])->text,
                                   "For the second question the answer is basically no; just take the example of Huawei"));

  mueller = find_passage (attributions, "For Mueller, the term “CET” itself is a labelling ploy");
  g_assert_cmpstr (mueller->stakeholder, ==, "Milton Mueller");
  g_assert_cmpint (mueller->footnote, ==, 17);
  g_assert_true (g_str_has_prefix (((SpAttributionCandidate *) mueller->candidates->pdata[0])->text,
                                   "Now let me turn to the idea of CET"));

  /* The acknowledgements thank the reviewer and are signed by the
   * authors, two stakeholders, without stating a position. */
  for (guint i = 0; i < attributions->len; i++)
    {
      const char *text = ((SpAttribution *) attributions->pdata[i])->text;

      g_assert_false (g_str_has_prefix (text, "We, as the authors of the report"));
      g_assert_false (g_str_has_prefix (text, "Claire Milne & Jufang Wang"));
    }
}

/* A passage naming a speaker who says nothing like it has no candidate;
 * an acknowledgements section of another report is skipped to its end. */
static void
test_no_candidate (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(SpDocumentContent) content = sp_document_content_new (SP_DOCUMENT_KIND_REPORT);
  g_autoptr(GPtrArray) attributions = NULL;
  g_autoptr(GError) error = NULL;
  const char *paragraphs[] = {
    "Acknowledgements:", "We thank Claire Milne for zyxxy qwvvy.",
    "Findings", "Claire Milne holds that zyxxy qwvvy pluffs are frabjous.",
  };
  SpAttribution *attribution;
  gint64 report_id;

  sp_document_content_set_title (content, "A made-up report");
  for (guint i = 0; i < G_N_ELEMENTS (paragraphs); i++)
    {
      guint start;
      int segment;

      if (i > 0)
        sp_document_content_append (content, "\n\n", -1);
      start = sp_document_content_append (content, paragraphs[i], -1);
      segment = sp_document_content_add_segment (content, i % 2 == 0 ? SP_SEGMENT_HEADING : SP_SEGMENT_PARAGRAPH,
                                                 start, content->n_chars);
      sp_document_content_get_segment (content, segment)->level = i % 2 == 0 ? 1 : 0;
    }
  sp_document_content_sort (content);
  report_id = sp_project_add_document (fixture->base.project, content, "made-up.md", "made-up", NULL, &error);
  g_assert_no_error (error);

  attributions = sp_project_check_attributions (fixture->base.project, report_id, fixture->transcript_id, 0,
                                                NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (attributions->len, ==, 1);
  attribution = g_ptr_array_index (attributions, 0);
  g_assert_cmpstr (attribution->text, ==, "Claire Milne holds that zyxxy qwvvy pluffs are frabjous.");
  g_assert_cmpstr (attribution->stakeholder, ==, "Claire Milne");
  g_assert_cmpint (attribution->state, ==, SP_ATTRIBUTION_NO_CANDIDATE);
  g_assert_cmpuint (attribution->candidates->len, ==, 0);
}

static SpAttribution *
kennedy_passage (GPtrArray *attributions)
{
  return find_passage (attributions, "As Kennedy observes, competition over international standards");
}

static void
test_accept_reject (Fixture       *fixture,
                    gconstpointer  data)
{
  SpProject *project = fixture->base.project;
  SpAttribution *kennedy = kennedy_passage (fixture->attributions);
  SpAttributionCandidate *first = g_ptr_array_index (kennedy->candidates, 0);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(SpLinkInfo) link = NULL;
  g_autoptr(SpAnnotationInfo) source = NULL;
  g_autoptr(SpAnnotationInfo) target = NULL;
  g_autoptr(GError) error = NULL;
  gint64 link_id = 0;

  g_assert_true (sp_project_accept_attribution (project, fixture->report_id, kennedy->start, kennedy->end,
                                                first, &link_id, &error));
  g_assert_no_error (error);

  link = sp_project_get_link (project, link_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (link->kind, ==, SP_LINK_PARAPHRASES);
  g_assert_cmpint (link->source_document_id, ==, fixture->report_id);
  g_assert_cmpint (link->source_start, ==, kennedy->start);
  g_assert_cmpint (link->target_document_id, ==, fixture->transcript_id);
  g_assert_cmpint (link->target_start, ==, first->start);
  g_assert_cmpint (link->target_end, ==, first->end);
  source = sp_project_get_annotation (project, link->source_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (source->stakeholder, ==, "Scott Kennedy");
  target = sp_project_get_annotation (project, link->target_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (target->stakeholder, ==, "Scott Kennedy");

  after = check (fixture);
  g_assert_cmpint (kennedy_passage (after)->state, ==, SP_ATTRIBUTION_LINKED);
  g_assert_cmpint (kennedy_passage (after)->link_id, ==, link_id);
  g_clear_pointer (&after, g_ptr_array_unref);

  /* Accepting it again: the link is there already. */
  g_assert_false (sp_project_accept_attribution (project, fixture->report_id, kennedy->start, kennedy->end,
                                                 first, NULL, &error));
  g_assert_error (error, SP_ERROR, SP_ERROR_DUPLICATE);
  g_clear_error (&error);

  /* One undo removes the link and both annotations it made. */
  sp_test_undo (project);
  g_assert_cmpint (sp_test_query_int (project, "SELECT count(*) FROM links"), ==, 0);
  g_assert_cmpint (sp_test_query_int (project, "SELECT count(*) FROM annotations"), ==, 0);
  after = check (fixture);
  g_assert_cmpint (kennedy_passage (after)->state, ==, SP_ATTRIBUTION_PROPOSED);
  g_clear_pointer (&after, g_ptr_array_unref);

  g_assert_true (sp_project_reject_attribution (project, fixture->report_id, kennedy->start, kennedy->end, &error));
  g_assert_no_error (error);
  after = check (fixture);
  g_assert_cmpint (kennedy_passage (after)->state, ==, SP_ATTRIBUTION_REJECTED);
  g_clear_pointer (&after, g_ptr_array_unref);
  g_assert_false (sp_project_reject_attribution (project, fixture->report_id, kennedy->start, kennedy->end, &error));
  g_assert_error (error, SP_ERROR, SP_ERROR_DUPLICATE);
  g_clear_error (&error);

  /* Accepting after all clears the rejection, in the same step. */
  g_assert_true (sp_project_accept_attribution (project, fixture->report_id, kennedy->start, kennedy->end,
                                                first, &link_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sp_test_query_int (project, "SELECT count(*) FROM attribution_rejections"), ==, 0);
  after = check (fixture);
  g_assert_cmpint (kennedy_passage (after)->state, ==, SP_ATTRIBUTION_LINKED);
  g_clear_pointer (&after, g_ptr_array_unref);

  sp_test_undo (project);
  after = check (fixture);
  g_assert_cmpint (kennedy_passage (after)->state, ==, SP_ATTRIBUTION_REJECTED);
  g_clear_pointer (&after, g_ptr_array_unref);

  sp_test_undo (project);
  after = check (fixture);
  g_assert_cmpint (kennedy_passage (after)->state, ==, SP_ATTRIBUTION_PROPOSED);
  g_clear_pointer (&after, g_ptr_array_unref);

  /* Redo twice: rejected, then accepted with the same link id. */
  sp_test_redo (project);
  sp_test_redo (project);
  after = check (fixture);
  g_assert_cmpint (kennedy_passage (after)->state, ==, SP_ATTRIBUTION_LINKED);
  g_assert_cmpint (kennedy_passage (after)->link_id, ==, link_id);
}

static void
test_bad_input (Fixture       *fixture,
                gconstpointer  data)
{
  SpProject *project = fixture->base.project;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  SpAttributionCandidate ghost = { .segment_id = 999999, .start = 0, .end = 10 };

  g_assert_null (sp_project_check_attributions (project, 9999, fixture->transcript_id, 0, NULL, &error));
  g_assert_error (error, SP_ERROR, SP_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_null (sp_project_check_attributions (project, fixture->transcript_id, fixture->transcript_id, 0,
                                                NULL, &error));
  g_assert_error (error, SP_ERROR, SP_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "against itself"));
  g_clear_error (&error);

  /* The report as the transcript: it has no turns. */
  g_assert_null (sp_project_check_attributions (project, fixture->transcript_id, fixture->report_id, 0,
                                                NULL, &error));
  g_assert_error (error, SP_ERROR, SP_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "has no speaker turns"));
  g_clear_error (&error);

  g_cancellable_cancel (cancellable);
  g_assert_null (sp_project_check_attributions (project, fixture->report_id, fixture->transcript_id, 0,
                                                cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  g_assert_false (sp_project_reject_attribution (project, fixture->report_id, 10, 5, &error));
  g_assert_error (error, SP_ERROR, SP_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (sp_project_accept_attribution (project, fixture->report_id, 10537, 10819, &ghost, NULL, &error));
  g_assert_error (error, SP_ERROR, SP_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_cmpint (sp_test_query_int (project, "SELECT count(*) FROM attribution_rejections"), ==, 0);
  g_assert_cmpint (sp_test_query_int (project, "SELECT count(*) FROM annotations"), ==, 0);
  g_assert_cmpint (sp_test_query_int (project, "SELECT count(*) FROM links"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/attribution/sentences", test_sentences);
  g_test_add_func ("/attribution/words", test_words);
  g_test_add_func ("/attribution/shared-words", test_shared_words);
  g_test_add ("/attribution/sample-passages", Fixture, NULL, fixture_set_up, test_sample_passages, fixture_tear_down);
  g_test_add ("/attribution/no-candidate", Fixture, NULL, fixture_set_up, test_no_candidate, fixture_tear_down);
  g_test_add ("/attribution/accept-reject", Fixture, NULL, fixture_set_up, test_accept_reject, fixture_tear_down);
  g_test_add ("/attribution/bad-input", Fixture, NULL, fixture_set_up, test_bad_input, fixture_tear_down);

  return g_test_run ();
}
