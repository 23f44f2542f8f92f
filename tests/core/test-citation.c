/* test-citation.c: citations found from the sample corpus's structure —
 * a transcript turn's speaker and timestamp, a report's heading, page and
 * paragraph — and the formatted citations of a list of annotations.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sp-annotations.h"
#include "sp-citation.h"
#include "sp-project-themes.h"
#include "test-helpers.h"

#define TRANSCRIPT_TITLE "Edited transcript of Webinar | The Geopolitics of Global High-tech Standards: Key issues and debates"
#define REPORT_TITLE "Report | The Geopolitics of Global Technology Standards: Key Issues and Solutions"
#define LI_QUOTE "don't bundle these values with standards goals"
#define REPORT_QUOTE "the trend of trying to incorporate values in technical standards"
#define REPORT_HEADING "Incorporating values in standards: Leading to a forking framework?³⁴"

typedef struct
{
  SpTestFixture base;
  gint64        report_id;
  gint64        transcript_id;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  sp_test_fixture_set_up_sample (&fixture->base, data);
  sp_test_sample_ids (fixture->base.project, &fixture->report_id, &fixture->transcript_id);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  sp_test_fixture_tear_down (&fixture->base, data);
}

/* The code point offset of the first occurrence of @phrase. */
static gint64
offset_of (SpProject  *project,
           gint64      document_id,
           const char *phrase)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = sp_project_get_document_text (project, document_id, &error);
  const char *hit;

  g_assert_no_error (error);
  hit = strstr (text, phrase);
  g_assert_nonnull (hit);
  return g_utf8_pointer_to_offset (text, hit);
}

/* Cites the first occurrence of @phrase through an index of its document */
static void
cite (SpProject            *project,
      gint64                document_id,
      const char           *title,
      SpCitationIndexFlags  flags,
      const char           *phrase,
      SpCitation           *citation)
{
  g_autoptr(SpCitationIndex) index = NULL;
  g_autoptr(GError) error = NULL;

  index = sp_citation_index_new (project, document_id, title, flags, &error);
  g_assert_no_error (error);
  sp_citation_index_cite (index, offset_of (project, document_id, phrase), citation);
}

static void
test_transcript_turn (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *text = NULL;
  SpCitation citation = { 0 };

  cite (fixture->base.project, fixture->transcript_id, TRANSCRIPT_TITLE, SP_CITATION_INDEX_DEFAULT,
        LI_QUOTE, &citation);
  g_assert_cmpstr (citation.document_title, ==, TRANSCRIPT_TITLE);
  g_assert_cmpstr (citation.speaker, ==, "Thomas Li");
  g_assert_cmpint (citation.timestamp_ms, ==, (12 * 60 + 38) * 1000);
  g_assert_cmpint (citation.page, ==, 0);
  g_assert_cmpint (citation.paragraph, ==, 26);
  /* Without SP_CITATION_INDEX_HEADINGS the text is not read */
  g_assert_null (citation.heading);
  text = sp_citation_format (&citation);
  g_assert_cmpstr (text, ==, TRANSCRIPT_TITLE ", Thomas Li, 12:38, ¶ 26");
  g_clear_pointer (&text, g_free);
  text = sp_citation_format_location (&citation);
  g_assert_cmpstr (text, ==, "Thomas Li, 12:38, ¶ 26");
  sp_citation_clear (&citation);
  g_assert_null (citation.speaker);
}

static void
test_report_page (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *text = NULL;
  SpCitation citation = { 0 };

  cite (fixture->base.project, fixture->report_id, REPORT_TITLE, SP_CITATION_INDEX_HEADINGS,
        REPORT_QUOTE, &citation);
  g_assert_null (citation.speaker);
  g_assert_cmpint (citation.timestamp_ms, ==, -1);
  g_assert_cmpstr (citation.heading, ==, REPORT_HEADING);
  g_assert_cmpint (citation.page, ==, 9);
  g_assert_cmpint (citation.paragraph, ==, 24);
  text = sp_citation_format (&citation);
  g_assert_cmpstr (text, ==, REPORT_TITLE ", “" REPORT_HEADING "”, p. 9, ¶ 24");
  sp_citation_clear (&citation);
}

/* Nothing known but the title: the title alone, no dangling comma */
static void
test_title_only (void)
{
  SpCitation citation = { .document_title = (char *) "Notes", .timestamp_ms = -1 };
  g_autofree char *text = sp_citation_format (&citation);
  g_autofree char *location = sp_citation_format_location (&citation);

  g_assert_cmpstr (text, ==, "Notes");
  g_assert_cmpstr (location, ==, "");
}

static void
test_timestamps (void)
{
  const struct { gint64 ms; const char *text; } cases[] = {
    { -1, "" },
    { 0, "00:00" },
    { (12 * 60 + 38) * 1000 + 999, "12:38" },
    { (59 * 60 + 59) * 1000, "59:59" },
    { 3600 * 1000, "1:00:00" },
    { (3600 + 2 * 60 + 3) * 1000, "1:02:03" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = sp_citation_format_timestamp (cases[i].ms);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static gint64
annotate (SpProject  *project,
          gint64      document_id,
          const char *phrase)
{
  g_autoptr(GError) error = NULL;
  gint64 start = offset_of (project, document_id, phrase);
  gint64 theme = sp_project_lookup_theme_id (project, "National security", &error);
  gint64 id = 0;

  g_assert_no_error (error);
  sp_project_annotate (project, document_id, start, start + g_utf8_strlen (phrase, -1), &theme, 1, 0,
                       SP_STANCE_NEUTRAL, NULL, SP_ANNOTATE_DEFAULT, &id, &error);
  g_assert_no_error (error);
  return id;
}

/* Where each annotation is, in order, across documents */
static void
test_cite_annotations (Fixture       *fixture,
                       gconstpointer  data)
{
  SpProject *project = fixture->base.project;
  g_autoptr(GPtrArray) annotations = g_ptr_array_new_with_free_func ((GDestroyNotify) sp_annotation_info_free);
  g_autoptr(GPtrArray) citations = NULL;
  g_autoptr(GError) error = NULL;
  const gint64 ids[] = {
    annotate (project, fixture->report_id, REPORT_QUOTE),
    annotate (project, fixture->transcript_id, LI_QUOTE),
  };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_ptr_array_add (annotations, sp_project_get_annotation (project, ids[i], &error));
      g_assert_no_error (error);
    }
  citations = sp_project_cite_annotations (project, annotations, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (citations->len, ==, 2);
  /* Cards do without headings: they would not fit */
  g_assert_cmpstr (g_ptr_array_index (citations, 0), ==, "p. 9, ¶ 24");
  g_assert_cmpstr (g_ptr_array_index (citations, 1), ==, "Thomas Li, 12:38, ¶ 26");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/Standpoint/core/citation/transcript-turn", Fixture, NULL,
              fixture_set_up, test_transcript_turn, fixture_tear_down);
  g_test_add ("/Standpoint/core/citation/report-page", Fixture, NULL,
              fixture_set_up, test_report_page, fixture_tear_down);
  g_test_add_func ("/Standpoint/core/citation/timestamps", test_timestamps);
  g_test_add_func ("/Standpoint/core/citation/title-only", test_title_only);
  g_test_add ("/Standpoint/core/citation/cite-annotations", Fixture, NULL,
              fixture_set_up, test_cite_annotations, fixture_tear_down);

  return g_test_run ();
}
