/* test-search.c: searching the sample corpus and its annotations — query
 * syntax, filters, order, and a clear message for every bad query.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sp-annotations.h"
#include "sp-error.h"
#include "sp-import-file.h"
#include "sp-project-private.h"
#include "sp-sample.h"
#include "sp-search.h"
#include "sp-undo-manager.h"
#include "test-helpers.h"

typedef struct
{
  char      *dir;
  char      *path;
  SpProject *project;
  gint64     report_id;
  gint64     transcript_id;
  char      *transcript_text;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = sp_test_make_dir ("standpoint-search-XXXXXX");
  fixture->project = sp_test_project_new (fixture->dir, "Test.standpoint", TRUE, &fixture->path);
  sp_test_sample_ids (fixture->project, &fixture->report_id, &fixture->transcript_id);
  fixture->transcript_text = sp_project_get_document_text (fixture->project, fixture->transcript_id, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->project);
  sp_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->transcript_text);
}

static GPtrArray *
search_ok (Fixture              *fixture,
           const char           *query,
           const SpSearchFilter *filter)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *hits = sp_project_search (fixture->project, query, filter, 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (hits);
  return hits;
}

/* The highlighted words of a hit, joined with "|". */
static char *
highlighted (SpSearchHit *hit)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < hit->highlights->len; i++)
    {
      SpSearchHighlight *h = &g_array_index (hit->highlights, SpSearchHighlight, i);
      g_autofree char *word = g_utf8_substring (hit->snippet, h->start, h->end);

      if (i > 0)
        g_string_append_c (out, '|');
      g_string_append (out, word);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_query_syntax (void)
{
  static const struct { const char *query; const char *fts; } good[] = {
    { "like-minded", "\"like-minded\"" },
    { "export contr*", "\"export\" AND \"contr\"*" },
    { "\"like-minded standards\"", "\"like-minded standards\"" },
    { "U.S. 5G", "\"U.S.\" AND \"5G\"" },
    { "China OR Huawei NOT 5G", "\"China\" OR \"Huawei\" NOT \"5G\"" },
    { "(rents OR rent) and", "(\"rents\" OR \"rent\") AND \"and\"" },
    { "say \"hi\"", "\"say\" AND \"hi\"" },
    { "standards — values", "\"standards\" AND \"values\"" },
    { "\"non-like-minded\"*", "\"non-like-minded\"*" },
  };
  static const struct { const char *query; const char *message; } bad[] = {
    { "\"", "Unbalanced quote" },
    { "\"like-minded standards", "Unbalanced quote" },
    { "AND", "“AND” in the search must stand between two words" },
    { "export AND", "“AND” in the search must stand between two words" },
    { "NOT export", "“NOT” in the search must stand between two words" },
    { "export OR OR controls", "“OR” in the search must stand between two words" },
    { "*", "A “*” in the search must follow the start of a word" },
    { "export *", "A “*” in the search must follow the start of a word" },
    { "NEAR(export controls)", "NEAR(…) is not supported" },
    { "(export controls", "a “(” is never closed" },
    { "export controls)", "“)” without a “(”" },
    { "()", "Nothing to look for before “)”" },
    { "", "no words to look for" },
    { "  — ", "no words to look for" },
    { "\"\"", "has no words to look for" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *fts = sp_search_query_to_fts (good[i].query, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (fts, ==, good[i].fts);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *fts = sp_search_query_to_fts (bad[i].query, &error);

      g_assert_null (fts);
      g_assert_error (error, SP_ERROR, SP_ERROR_INVALID_ARGUMENT);
      if (strstr (error->message, bad[i].message) == NULL)
        g_error ("“%s” gave “%s”, expected “%s”", bad[i].query, error->message, bad[i].message);
    }
}

static void
test_bad_queries_in_project (Fixture       *fixture,
                             gconstpointer  data)
{
  const char *queries[] = { "\"", "AND", "*", "NEAR(", "export contr\"" };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) hits = sp_project_search (fixture->project, queries[i], NULL, 10, &error);

      g_assert_null (hits);
      g_assert_error (error, SP_ERROR, SP_ERROR_INVALID_ARGUMENT);
      g_assert_null (strstr (error->message, "fts5"));
    }
}

static void
test_text_search (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) phrase = NULL;
  g_autoptr(GPtrArray) prefix = NULL;
  g_autoptr(GPtrArray) punct = NULL;
  g_autoptr(GPtrArray) reading = NULL;
  SpSearchFilter filter = { .order = SP_SEARCH_ORDER_READING };
  gboolean thomas = FALSE;

  /* The phrase: said in the transcript, never written so in the report. */
  phrase = search_ok (fixture, "\"like-minded standards\"", NULL);
  g_assert_cmpuint (phrase->len, >=, 3);
  for (guint i = 0; i < phrase->len; i++)
    {
      SpSearchHit *hit = g_ptr_array_index (phrase, i);
      g_autofree char *words = highlighted (hit);
      g_autofree char *segment = g_utf8_substring (fixture->transcript_text, hit->start, hit->end);

      g_assert_cmpint (hit->kind, ==, SP_SEARCH_HIT_TEXT);
      g_assert_cmpint (hit->document_id, ==, fixture->transcript_id);
      g_assert_nonnull (strstr (segment, "like-minded standard"));
      g_assert_cmpstr (words, ==, "like-minded standards");
      g_assert_nonnull (strstr (hit->snippet, "like-minded standards"));
      if (i > 0)
        g_assert_cmpfloat (((SpSearchHit *) phrase->pdata[i - 1])->rank, <=, hit->rank);
      thomas |= g_strcmp0 (hit->stakeholder, "Thomas Li") == 0;
    }
  g_assert_true (thomas);

  /* Prefix: "export controls", "export control". */
  prefix = search_ok (fixture, "export contr*", NULL);
  g_assert_cmpuint (prefix->len, >=, 2);
  for (guint i = 0; i < prefix->len; i++)
    {
      g_autofree char *words = highlighted (prefix->pdata[i]);
      g_autofree char *lower = g_utf8_strdown (words, -1);
      g_assert_nonnull (strstr (lower, "export|contr"));
    }

  /* Words with punctuation just work. */
  punct = search_ok (fixture, "U.S.", NULL);
  g_assert_cmpuint (punct->len, >, 0);
  g_clear_pointer (&punct, g_ptr_array_unref);
  punct = search_ok (fixture, "5G", NULL);
  g_assert_cmpuint (punct->len, >, 0);
  g_clear_pointer (&punct, g_ptr_array_unref);
  punct = search_ok (fixture, "like-minded", NULL);
  g_assert_cmpuint (punct->len, >, phrase->len);

  /* Reading order: the report first, then by position. */
  reading = search_ok (fixture, "like-minded", &filter);
  g_assert_cmpuint (reading->len, ==, punct->len);
  g_assert_cmpint (((SpSearchHit *) reading->pdata[0])->document_id, ==, fixture->report_id);
  for (guint i = 1; i < reading->len; i++)
    {
      SpSearchHit *a = reading->pdata[i - 1], *b = reading->pdata[i];

      if (a->document_id == b->document_id)
        g_assert_cmpint (a->start, <=, b->start);
      else
        g_assert_cmpint (a->document_id, ==, fixture->report_id);
    }
}

static void
test_filters (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(SpStakeholderInfo) thomas = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) in_transcript = NULL;
  g_autoptr(GPtrArray) by_thomas = NULL;
  g_autoptr(GPtrArray) by_theme = NULL;
  g_autoptr(GPtrArray) memo = NULL;
  g_autoptr(GError) error = NULL;
  SpSearchFilter filter = { 0 };
  gint64 theme, start, id = 0;
  const char *sentence = "That is ironic because";

  thomas = sp_project_find_stakeholder (fixture->project, "Thomas Li", &error);
  g_assert_no_error (error);

  all = search_ok (fixture, "like-minded", NULL);
  filter.document_id = fixture->transcript_id;
  in_transcript = search_ok (fixture, "like-minded", &filter);
  g_assert_cmpuint (in_transcript->len, <, all->len);
  for (guint i = 0; i < in_transcript->len; i++)
    g_assert_cmpint (((SpSearchHit *) in_transcript->pdata[i])->document_id, ==, fixture->transcript_id);

  filter = (SpSearchFilter) { .stakeholder_id = thomas->id };
  by_thomas = search_ok (fixture, "like-minded", &filter);
  g_assert_cmpuint (by_thomas->len, >, 0);
  g_assert_cmpuint (by_thomas->len, <, in_transcript->len);
  for (guint i = 0; i < by_thomas->len; i++)
    g_assert_cmpstr (((SpSearchHit *) by_thomas->pdata[i])->stakeholder, ==, "Thomas Li");

  /* An annotation with a memo: found by its memo and by its quote. */
  sp_db_exec (_sp_project_get_db (fixture->project),
              "INSERT INTO themes (name, created_at) VALUES ('Test irony', 'now')", &error);
  g_assert_no_error (error);
  theme = sqlite3_last_insert_rowid (_sp_project_get_db (fixture->project));
  start = g_utf8_pointer_to_offset (fixture->transcript_text, strstr (fixture->transcript_text, sentence));
  sp_project_annotate (fixture->project, fixture->transcript_id, start, start + strlen (sentence),
                       &theme, 1, 0, SP_STANCE_OPPOSES, "consensus among unlike minds",
                       SP_ANNOTATE_DEFAULT, &id, &error);
  g_assert_no_error (error);

  memo = search_ok (fixture, "unlike minds", NULL);
  g_assert_cmpuint (memo->len, ==, 1);
  g_assert_cmpint (((SpSearchHit *) memo->pdata[0])->kind, ==, SP_SEARCH_HIT_ANNOTATION);
  g_assert_cmpint (((SpSearchHit *) memo->pdata[0])->id, ==, id);
  g_assert_cmpstr (((SpSearchHit *) memo->pdata[0])->stakeholder, ==, "Thomas Li");
  g_assert_cmpstr (((SpSearchHit *) memo->pdata[0])->snippet, ==, "consensus among unlike minds");

  /* A theme or stance keeps only annotations. */
  filter = (SpSearchFilter) { .theme_id = theme };
  by_theme = search_ok (fixture, "ironic", &filter);
  g_assert_cmpuint (by_theme->len, ==, 1);
  g_assert_cmpint (((SpSearchHit *) by_theme->pdata[0])->kind, ==, SP_SEARCH_HIT_ANNOTATION);
  g_assert_cmpint (((SpSearchHit *) by_theme->pdata[0])->start, ==, start);
  g_clear_pointer (&by_theme, g_ptr_array_unref);

  filter = (SpSearchFilter) { .stance = SP_STANCE_SUPPORTS };
  by_theme = search_ok (fixture, "ironic", &filter);
  g_assert_cmpuint (by_theme->len, ==, 0);
  g_clear_pointer (&by_theme, g_ptr_array_unref);

  /* Without filters, the text hit and the annotation hit both come. */
  by_theme = search_ok (fixture, "\"That is ironic\"", NULL);
  g_assert_cmpuint (by_theme->len, ==, 2);
  g_clear_pointer (&by_theme, g_ptr_array_unref);

  /* Undo removes it from the index too. */
  sp_undo_manager_undo (sp_project_get_undo_manager (fixture->project), &error);
  g_assert_no_error (error);
  by_theme = search_ok (fixture, "unlike minds", NULL);
  g_assert_cmpuint (by_theme->len, ==, 0);
}

/* A project where "quorum" is everywhere: a transcript of 7,200 turns, each
 * saying it, and 6,000 annotations whose memos say it, so both sides match
 * more than SP_SEARCH_RANKED_MAX rows. */
typedef struct
{
  Fixture  base;
  gint64   document_id;
  gint64   theme_id;
  gint64   ada, bo, cy;
} ManyFixture;

static void
many_fixture_set_up (ManyFixture   *fixture,
                     gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("Hearing on quorum rules\n\n");
  g_autofree char *input = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpStakeholderInfo) info = NULL;
  const char *names[] = { "Ada Quill", "Bo Rook", "Cy Tern" };
  sqlite3 *db;

  fixture_set_up (&fixture->base, data);

  /* Ada holds 70% of the turns, Bo 25%, Cy 5%; the wording varies so the
   * scores do. */
  for (guint i = 0; i < 7200; i++)
    {
      guint who = i % 20 < 14 ? 0 : i % 20 < 19 ? 1 : 2;

      g_string_append_printf (text, "%s %02u:%02u\n\n", names[who], (i / 60) % 60, i % 60);
      /* The best matches come last, after the first SP_SEARCH_RANKED_MAX. */
      if (i >= 7000)
        {
          g_string_append_printf (text, "Quorum, quorum, quorum: turn %u.\n\n", i);
          continue;
        }
      g_string_append (text, "We need a quorum");
      for (guint j = 0; j < i % 4; j++)
        g_string_append (text, " and the quorum must hold");
      for (guint j = 0; j < i % 7; j++)
        g_string_append (text, " as agreed before");
      g_string_append_printf (text, ", turn %u.\n\n", i);
    }
  input = g_build_filename (fixture->base.dir, "hearing.txt", NULL);
  g_assert_true (g_file_set_contents (input, text->str, (gssize) text->len, NULL));
  file = g_file_new_for_path (input);
  fixture->document_id = sp_import_file (fixture->base.project, file, SP_IMPORT_FORMAT_AUTO, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fixture->document_id, >, 0);

  info = sp_project_find_stakeholder (fixture->base.project, "Ada Quill", &error);
  g_assert_no_error (error);
  fixture->ada = info->id;
  g_clear_pointer (&info, sp_stakeholder_info_free);
  info = sp_project_find_stakeholder (fixture->base.project, "Bo Rook", &error);
  g_assert_no_error (error);
  fixture->bo = info->id;
  g_clear_pointer (&info, sp_stakeholder_info_free);
  info = sp_project_find_stakeholder (fixture->base.project, "Cy Tern", &error);
  g_assert_no_error (error);
  fixture->cy = info->id;

  /* 6,000 annotations straight into the tables (as the search benchmark
   * makes them), every seventh with a theme. */
  db = _sp_project_get_db (fixture->base.project);
  sp_db_exec (db,
              "BEGIN;"
              "INSERT INTO themes (name, created_at) VALUES ('Many quorum', 'now');"
              "INSERT INTO annotations (document_id, start, end, quote, stakeholder_id, stance, memo, created_at, updated_at)"
              " SELECT s.document_id, s.start, s.end, substr(f.text, 1, 40),"
              "  (SELECT t.stakeholder_id FROM segments t WHERE t.document_id = s.document_id AND t.kind = 'turn'"
              "    AND t.start <= s.start ORDER BY t.start DESC LIMIT 1),"
              "  CASE (s.id / 3) % 3 WHEN 0 THEN 'supports' WHEN 1 THEN 'opposes' ELSE 'mixed' END,"
              "  'memo ' || ((s.id / 3) % 13) || ' on quorum' || substr(' and quorum again', 1, 1 + ((s.id / 3) % 5) * 4),"
              "  'now', 'now'"
              " FROM segments s JOIN segments_fts f ON f.rowid = s.id"
              " WHERE s.kind = 'paragraph' AND f.text LIKE 'We need%' ORDER BY s.id LIMIT 6000;"
              "INSERT INTO annotations_fts (rowid, quote, memo) SELECT id, quote, memo FROM annotations;"
              "INSERT INTO annotation_themes (annotation_id, theme_id)"
              " SELECT id, (SELECT id FROM themes WHERE name = 'Many quorum') FROM annotations WHERE id % 7 = 0;"
              "COMMIT;",
              &error);
  g_assert_no_error (error);
  fixture->theme_id = sp_test_query_int (fixture->base.project, "SELECT id FROM themes WHERE name = 'Many quorum'");
  g_assert_cmpint (sp_test_query_int (fixture->base.project, "SELECT count(*) FROM annotations"), ==, 6000);
}

static void
many_fixture_tear_down (ManyFixture   *fixture,
                        gconstpointer  data)
{
  fixture_tear_down (&fixture->base, data);
}

static int
compare_id (gconstpointer a,
            gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* What a search with @limit gives, worked out from @all, every hit of the
 * same search (limit 0, which ranks every match): of each kind, only the
 * SP_SEARCH_RANKED_MAX hits with the lowest ids take part. */
static GPtrArray *
expected_hits (GPtrArray *all,
               guint      limit)
{
  GPtrArray *expected = g_ptr_array_new ();
  gint64 cutoff[2];

  for (int kind = 0; kind < 2; kind++)
    {
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

      for (guint i = 0; i < all->len; i++)
        if (((SpSearchHit *) all->pdata[i])->kind == (SpSearchHitKind) kind)
          g_array_append_val (ids, ((SpSearchHit *) all->pdata[i])->id);
      g_array_sort (ids, compare_id);
      cutoff[kind] = ids->len > SP_SEARCH_RANKED_MAX ? g_array_index (ids, gint64, SP_SEARCH_RANKED_MAX - 1)
                                                     : G_MAXINT64;
    }
  for (guint i = 0; i < all->len && expected->len < limit; i++)
    {
      SpSearchHit *hit = all->pdata[i];

      if (hit->id <= cutoff[hit->kind])
        g_ptr_array_add (expected, hit);
    }
  return expected;
}

/* Searches with a limit of 50 and checks the hits against expected_hits();
 * returns them. */
static GPtrArray *
search_many_ok (ManyFixture          *fixture,
                const char           *query,
                const SpSearchFilter *filter,
                guint                 min_all)
{
  g_autoptr(GPtrArray) all = search_ok (&fixture->base, query, filter);
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *hits;

  g_test_message ("%s: %u hits in all", query, all->len);
  g_assert_cmpuint (all->len, >=, min_all);
  hits = sp_project_search (fixture->base.project, query, filter, 50, &error);
  g_assert_no_error (error);
  expected = expected_hits (all, 50);
  g_assert_cmpuint (hits->len, ==, expected->len);
  for (guint i = 0; i < hits->len; i++)
    {
      SpSearchHit *hit = hits->pdata[i], *want = expected->pdata[i];
      g_autofree char *words = highlighted (hit);
      g_autofree char *lower = g_utf8_strdown (words, -1);

      g_assert_cmpint (hit->kind, ==, want->kind);
      g_assert_cmpint (hit->id, ==, want->id);
      g_assert_cmpint (hit->document_id, ==, want->document_id);
      g_assert_cmpint (hit->start, ==, want->start);
      g_assert_cmpint (hit->end, ==, want->end);
      g_assert_cmpfloat_with_epsilon (hit->rank, want->rank, 1e-9);
      g_assert_cmpint (hit->stakeholder_id, ==, want->stakeholder_id);
      g_assert_cmpstr (hit->stakeholder, ==, want->stakeholder);
      g_assert_cmpstr (hit->document_title, ==, want->document_title);
      g_assert_cmpstr (hit->snippet, ==, want->snippet);
      g_assert_nonnull (strstr (lower, "quorum"));
    }
  return hits;
}

static void
test_many_matches (ManyFixture   *fixture,
                   gconstpointer  data)
{
  SpSearchFilter filter = { 0 };
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  guint n_text = 0;

  /* Both sides over the limit: the best of their first matches, not the
   * best there are (the last turns). */
  all = search_ok (&fixture->base, "quorum", &filter);
  g_assert_true (g_str_has_prefix (((SpSearchHit *) all->pdata[0])->snippet, "Quorum, quorum"));
  hits = search_many_ok (fixture, "quorum", &filter, 13000);
  for (guint i = 0; i < hits->len; i++)
    g_assert_false (g_str_has_prefix (((SpSearchHit *) hits->pdata[i])->snippet, "Quorum, quorum"));
  for (guint i = 0; i < hits->len; i++)
    n_text += ((SpSearchHit *) hits->pdata[i])->kind == SP_SEARCH_HIT_TEXT;
  g_assert_cmpuint (n_text, >, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Reading order. */
  filter.order = SP_SEARCH_ORDER_READING;
  hits = search_many_ok (fixture, "quorum", &filter, 13000);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* A prefix and a phrase. */
  filter = (SpSearchFilter) { 0 };
  hits = search_many_ok (fixture, "quor*", &filter, 13000);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search_many_ok (fixture, "\"the quorum must\"", &filter, 5000);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* The speaker of most turns (a look at each match's turn), of a quarter
   * (the segments of their turns, more than the limit) and of a few
   * (fewer than the limit: ranked straight from that set). */
  filter = (SpSearchFilter) { .stakeholder_id = fixture->ada };
  hits = search_many_ok (fixture, "quorum", &filter, 5000);
  for (guint i = 0; i < hits->len; i++)
    g_assert_cmpstr (((SpSearchHit *) hits->pdata[i])->stakeholder, ==, "Ada Quill");
  g_clear_pointer (&hits, g_ptr_array_unref);
  filter.stakeholder_id = fixture->bo;
  hits = search_many_ok (fixture, "quorum", &filter, 1000);
  for (guint i = 0; i < hits->len; i++)
    g_assert_cmpstr (((SpSearchHit *) hits->pdata[i])->stakeholder, ==, "Bo Rook");
  g_clear_pointer (&hits, g_ptr_array_unref);
  filter.stakeholder_id = fixture->cy;
  filter.order = SP_SEARCH_ORDER_READING;
  hits = search_many_ok (fixture, "quorum", &filter, 300);
  for (guint i = 0; i < hits->len; i++)
    g_assert_cmpstr (((SpSearchHit *) hits->pdata[i])->stakeholder, ==, "Cy Tern");
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* A document: the transcript (over the limit) and the report (few). */
  filter = (SpSearchFilter) { .document_id = fixture->document_id };
  hits = search_many_ok (fixture, "quorum", &filter, 13000);
  for (guint i = 0; i < hits->len; i++)
    g_assert_cmpint (((SpSearchHit *) hits->pdata[i])->document_id, ==, fixture->document_id);
  g_clear_pointer (&hits, g_ptr_array_unref);
  filter.document_id = fixture->base.report_id;
  hits = search_many_ok (fixture, "quorum", &filter, 0);
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Annotations only: a theme, a stance, both with a stakeholder. */
  filter = (SpSearchFilter) { .theme_id = fixture->theme_id };
  hits = search_many_ok (fixture, "quorum", &filter, 800);
  for (guint i = 0; i < hits->len; i++)
    {
      SpSearchHit *hit = hits->pdata[i];
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM annotation_themes"
                                              " WHERE annotation_id = %" G_GINT64_FORMAT
                                              " AND theme_id = %" G_GINT64_FORMAT,
                                              hit->id, fixture->theme_id);

      g_assert_cmpint (hit->kind, ==, SP_SEARCH_HIT_ANNOTATION);
      g_assert_cmpint (sp_test_query_int (fixture->base.project, sql), ==, 1);
    }
  g_clear_pointer (&hits, g_ptr_array_unref);

  filter = (SpSearchFilter) { .stance = SP_STANCE_SUPPORTS };
  hits = search_many_ok (fixture, "quorum", &filter, 1900);
  for (guint i = 0; i < hits->len; i++)
    {
      SpSearchHit *hit = hits->pdata[i];
      g_autofree char *sql = g_strdup_printf ("SELECT stance = 'supports' FROM annotations WHERE id = %" G_GINT64_FORMAT,
                                              hit->id);

      g_assert_cmpint (hit->kind, ==, SP_SEARCH_HIT_ANNOTATION);
      g_assert_cmpint (sp_test_query_int (fixture->base.project, sql), ==, 1);
    }
  g_clear_pointer (&hits, g_ptr_array_unref);

  filter = (SpSearchFilter) { .stance = SP_STANCE_OPPOSES, .stakeholder_id = fixture->ada,
                              .theme_id = fixture->theme_id, .order = SP_SEARCH_ORDER_READING };
  hits = search_many_ok (fixture, "quorum", &filter, 100);
  for (guint i = 0; i < hits->len; i++)
    g_assert_cmpstr (((SpSearchHit *) hits->pdata[i])->stakeholder, ==, "Ada Quill");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/search/query-syntax", test_query_syntax);
  g_test_add ("/search/bad-queries", Fixture, NULL, fixture_set_up, test_bad_queries_in_project, fixture_tear_down);
  g_test_add ("/search/text", Fixture, NULL, fixture_set_up, test_text_search, fixture_tear_down);
  g_test_add ("/search/filters", Fixture, NULL, fixture_set_up, test_filters, fixture_tear_down);
  g_test_add ("/search/many-matches", ManyFixture, NULL, many_fixture_set_up, test_many_matches,
              many_fixture_tear_down);

  return g_test_run ();
}
