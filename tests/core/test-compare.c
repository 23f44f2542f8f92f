/* test-compare.c: compare by theme, the stakeholder x theme matrix and the
 * agreement map on a handful of real passages of the sample corpus, with
 * every filter, and undo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sp-annotations.h"
#include "sp-compare.h"
#include "sp-error.h"
#include "sp-project-private.h"
#include "sp-project-stakeholders.h"
#include "sp-project-themes.h"
#include "test-helpers.h"

/* The tagged passages, in the order they are made. */
enum
{
  LI_LIKE_MINDED,        /* Thomas Li, Like-minded countries, opposes */
  PARK_LIKE_MINDED,      /* June Park, Like-minded countries, opposes */
  KENNEDY_LIKE_MINDED,   /* Scott Kennedy, Like-minded countries, supports */
  MUELLER_MERCANTILISM,  /* Milton Mueller, neo-mercantilism + National security, supports */
  KENNEDY_MERCANTILISM,  /* Scott Kennedy, neo-mercantilism, supports */
  MUELLER_SECURITY,      /* Milton Mueller, National security, mixed */
  KENNEDY_SECURITY,      /* Scott Kennedy, National security, mixed */
  LI_SECURITY_REPORT,    /* Thomas Li (in the report), National security, neutral */
  NOBODY_LIKE_MINDED,    /* no stakeholder (report), Like-minded countries, supports */
  PARK_MERCANTILISM,     /* June Park, neo-mercantilism, no stance */
  N_PASSAGES
};

/* The matrix of all the passages: its rows, and its non-empty cells as
 * "stakeholder/theme:total(supports,opposes,mixed,neutral,unclear,none)". */
#define ALL_ROWS "June Park;Milton Mueller;Scott Kennedy;Thomas Li;"
#define ALL_CELLS \
  "June Park/Like-minded countries:1(0,1,0,0,0,0)\n" \
  "June Park/Digital neo-mercantilism:1(0,0,0,0,0,1)\n" \
  "Milton Mueller/Digital neo-mercantilism:1(1,0,0,0,0,0)\n" \
  "Milton Mueller/National security:2(1,0,1,0,0,0)\n" \
  "Scott Kennedy/Like-minded countries:1(1,0,0,0,0,0)\n" \
  "Scott Kennedy/Digital neo-mercantilism:1(1,0,0,0,0,0)\n" \
  "Scott Kennedy/National security:1(0,0,1,0,0,0)\n" \
  "Thomas Li/Like-minded countries:1(0,1,0,0,0,0)\n" \
  "Thomas Li/National security:1(0,0,0,1,0,0)\n"

/* The agreement map of all the passages: its pairs with something in
 * them, as "a+b agree[themes] conflict[themes]". */
#define ALL_PAIRS \
  "June Park+Scott Kennedy agree[] conflict[Like-minded countries]\n" \
  "June Park+Thomas Li agree[Like-minded countries] conflict[]\n" \
  "Milton Mueller+Scott Kennedy agree[Digital neo-mercantilism,National security] conflict[]\n" \
  "Scott Kennedy+Thomas Li agree[] conflict[Like-minded countries]\n"

typedef struct
{
  SpTestFixture base;
  gint64        report_id;
  gint64        transcript_id;
  gint64        like_minded;
  gint64        mercantilism;
  gint64        security;
  gint64        park;
  gint64        mueller;
  gint64        kennedy;
  gint64        li;
  gint64        ids[N_PASSAGES];
} Fixture;

static gint64
theme_id (SpProject  *project,
          const char *name)
{
  g_autoptr(GError) error = NULL;
  gint64 id = sp_project_lookup_theme_id (project, name, &error);

  g_assert_no_error (error);
  return id;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  SpProject *project;
  gint64 t, r;

  sp_test_fixture_set_up_sample (&fixture->base, data);
  project = fixture->base.project;
  sp_test_sample_ids (project, &fixture->report_id, &fixture->transcript_id);
  t = fixture->transcript_id;
  r = fixture->report_id;

  fixture->like_minded = theme_id (project, "Like-minded countries");
  fixture->mercantilism = theme_id (project, "Digital neo-mercantilism");
  fixture->security = theme_id (project, "National security");

  fixture->park = sp_test_stakeholder_with_sector (project, "June Park", "academia");
  fixture->mueller = sp_test_stakeholder_with_sector (project, "Milton Mueller", "academia");
  fixture->kennedy = sp_test_stakeholder_with_sector (project, "Scott Kennedy", "civil society");
  fixture->li = sp_test_stakeholder_with_sector (project, "Thomas Li", "industry");

  fixture->ids[LI_LIKE_MINDED] =
    sp_test_tag_phrase (project, t, "an accurate challenge",
                        fixture->like_minded, 0, fixture->li, SP_STANCE_OPPOSES);
  fixture->ids[PARK_LIKE_MINDED] =
    sp_test_tag_phrase (project, t, "it is a little bit too abstract for us to keep using this language",
                        fixture->like_minded, 0, fixture->park, SP_STANCE_OPPOSES);
  fixture->ids[KENNEDY_LIKE_MINDED] =
    sp_test_tag_phrase (project, t, "like-mindedness is an American synonym for countries that practice democracy",
                        fixture->like_minded, 0, fixture->kennedy, SP_STANCE_SUPPORTS);
  fixture->ids[MUELLER_MERCANTILISM] =
    sp_test_tag_phrase (project, t, "subordinate technology to their national political and military ends",
                        fixture->mercantilism, fixture->security, fixture->mueller, SP_STANCE_SUPPORTS);
  fixture->ids[KENNEDY_MERCANTILISM] =
    sp_test_tag_phrase (project, t, "we are in a period of digital neo-mercantilism",
                        fixture->mercantilism, 0, fixture->kennedy, SP_STANCE_SUPPORTS);
  fixture->ids[MUELLER_SECURITY] =
    sp_test_tag_phrase (project, t, "We are remilitarising technology",
                        fixture->security, 0, fixture->mueller, SP_STANCE_MIXED);
  fixture->ids[KENNEDY_SECURITY] =
    sp_test_tag_phrase (project, t, "placing Huawei on the entity list",
                        fixture->security, 0, fixture->kennedy, SP_STANCE_MIXED);
  fixture->ids[LI_SECURITY_REPORT] =
    sp_test_tag_phrase (project, r, "involve national security and ethical concerns",
                        fixture->security, 0, fixture->li, SP_STANCE_NEUTRAL);
  fixture->ids[NOBODY_LIKE_MINDED] =
    sp_test_tag_phrase (project, r, "collaboration and coordination among",
                        fixture->like_minded, 0, 0, SP_STANCE_SUPPORTS);
  fixture->ids[PARK_MERCANTILISM] =
    sp_test_tag_phrase (project, t, "a different way of going about data protection",
                        fixture->mercantilism, 0, fixture->park, SP_STANCE_NONE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  sp_test_fixture_tear_down (&fixture->base, data);
}

/* Rows as "name;name;…", for one assertion per list. */
static char *
stakeholder_names (GPtrArray *stakeholders)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < stakeholders->len; i++)
    g_string_append_printf (names, "%s;", ((SpStakeholderInfo *) stakeholders->pdata[i])->name);
  return g_string_free (names, FALSE);
}

static guint
index_of_theme (GPtrArray *themes,
                gint64     id)
{
  for (guint i = 0; i < themes->len; i++)
    if (((SpThemeInfo *) themes->pdata[i])->id == id)
      return i;
  g_assert_not_reached ();
}

/* Every non-empty cell as "row/theme:n(s,o,m,ne,u,none)" lines. */
static char *
matrix_cells (SpMatrix *matrix)
{
  GString *out = g_string_new (NULL);

  for (guint row = 0; row < matrix->stakeholders->len; row++)
    for (guint column = 0; column < matrix->themes->len; column++)
      {
        SpMatrixCell *cell = sp_matrix_get_cell (matrix, row, column);

        if (cell->n_passages == 0)
          continue;
        g_string_append_printf (out, "%s/%s:%u(%u,%u,%u,%u,%u,%u)\n",
                                ((SpStakeholderInfo *) matrix->stakeholders->pdata[row])->name,
                                ((SpThemeInfo *) matrix->themes->pdata[column])->name,
                                cell->n_passages,
                                cell->n_by_stance[SP_STANCE_SUPPORTS], cell->n_by_stance[SP_STANCE_OPPOSES],
                                cell->n_by_stance[SP_STANCE_MIXED], cell->n_by_stance[SP_STANCE_NEUTRAL],
                                cell->n_by_stance[SP_STANCE_UNCLEAR], cell->n_by_stance[SP_STANCE_NONE]);
      }
  return g_string_free (out, FALSE);
}

static SpMatrix *
compute_matrix (Fixture               *fixture,
                const SpCompareFilter *filter)
{
  g_autoptr(GError) error = NULL;
  SpMatrix *matrix = sp_project_compute_matrix (fixture->base.project, filter, &error);

  g_assert_no_error (error);
  g_assert_nonnull (matrix);
  return matrix;
}

static void
assert_matrix (Fixture               *fixture,
               const SpCompareFilter *filter,
               const char            *rows,
               const char            *cells,
               guint                  max_passages)
{
  g_autoptr(SpMatrix) matrix = compute_matrix (fixture, filter);
  g_autofree char *names = stakeholder_names (matrix->stakeholders);
  g_autofree char *dump = matrix_cells (matrix);

  g_assert_cmpstr (names, ==, rows);
  if (cells != NULL)
    g_assert_cmpstr (dump, ==, cells);
  g_assert_cmpuint (matrix->max_passages, ==, max_passages);
}

static void
test_matrix (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(SpMatrix) matrix = compute_matrix (fixture, NULL);
  g_autoptr(GPtrArray) themes = NULL;
  g_autoptr(GError) error = NULL;

  /* Every theme, in codebook order, whether or not anyone speaks to it. */
  themes = sp_project_list_themes (fixture->base.project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (matrix->themes->len, ==, 12);
  g_assert_cmpuint (matrix->themes->len, ==, themes->len);
  for (guint i = 0; i < themes->len; i++)
    g_assert_cmpint (((SpThemeInfo *) matrix->themes->pdata[i])->id, ==, ((SpThemeInfo *) themes->pdata[i])->id);

  /* The passage with no stakeholder counts nowhere; June Park's passage
   * with no stance counts, under "none". */
  assert_matrix (fixture, NULL, ALL_ROWS, ALL_CELLS, 2);
  g_assert_cmpuint (sp_matrix_get_cell (matrix, 1, index_of_theme (matrix->themes, fixture->security))->n_passages,
                    ==, 2);
}

static void
test_matrix_filters (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(SpCompareFilter) filter = sp_compare_filter_new ();
  g_autoptr(SpCompareFilter) copy = NULL;

  /* Only the report: Thomas Li's passage there; the other is nobody's. */
  filter->document_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (filter->document_ids, fixture->report_id);
  assert_matrix (fixture, filter, "Thomas Li;", "Thomas Li/National security:1(0,0,0,1,0,0)\n", 1);

  /* Both documents is everything again. */
  g_array_append_val (filter->document_ids, fixture->transcript_id);
  assert_matrix (fixture, filter, ALL_ROWS, NULL, 2);
  g_array_set_size (filter->document_ids, 0);

  /* Sectors in any case. */
  filter->sectors = g_strsplit ("ACADEMIA", ",", -1);
  assert_matrix (fixture, filter, "June Park;Milton Mueller;",
                 "June Park/Like-minded countries:1(0,1,0,0,0,0)\n"
                 "June Park/Digital neo-mercantilism:1(0,0,0,0,0,1)\n"
                 "Milton Mueller/Digital neo-mercantilism:1(1,0,0,0,0,0)\n"
                 "Milton Mueller/National security:2(1,0,1,0,0,0)\n",
                 2);
  g_strfreev (filter->sectors);
  filter->sectors = g_strsplit ("Industry,civil society", ",", -1);
  assert_matrix (fixture, filter, "Scott Kennedy;Thomas Li;", NULL, 1);
  g_strfreev (g_steal_pointer (&filter->sectors));

  /* Stances as a mask; SP_STANCE_NONE's bit picks passages with none. */
  filter->stances = 1 << SP_STANCE_OPPOSES;
  assert_matrix (fixture, filter, "June Park;Thomas Li;",
                 "June Park/Like-minded countries:1(0,1,0,0,0,0)\n"
                 "Thomas Li/Like-minded countries:1(0,1,0,0,0,0)\n",
                 1);
  filter->stances = 1 << SP_STANCE_NONE;
  assert_matrix (fixture, filter, "June Park;", "June Park/Digital neo-mercantilism:1(0,0,0,0,0,1)\n", 1);
  filter->stances = (1 << SP_STANCE_MIXED) | (1 << SP_STANCE_NEUTRAL);
  assert_matrix (fixture, filter, "Milton Mueller;Scott Kennedy;Thomas Li;",
                 "Milton Mueller/National security:1(0,0,1,0,0,0)\n"
                 "Scott Kennedy/National security:1(0,0,1,0,0,0)\n"
                 "Thomas Li/National security:1(0,0,0,1,0,0)\n",
                 1);

  /* All three at once, through a copy. */
  g_array_append_val (filter->document_ids, fixture->transcript_id);
  filter->sectors = g_strsplit ("civil society", ",", -1);
  copy = sp_compare_filter_copy (filter);
  g_array_set_size (filter->document_ids, 0);
  g_clear_pointer (&filter->sectors, g_strfreev);
  assert_matrix (fixture, copy, "Scott Kennedy;", "Scott Kennedy/National security:1(0,0,1,0,0,0)\n", 1);
}

/* "id,id;" per list of themes, as names. */
static char *
theme_list (SpAgreement *agreement,
            GArray      *ids)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < ids->len; i++)
    {
      guint column = index_of_theme (agreement->themes, g_array_index (ids, gint64, i));
      g_string_append_printf (out, "%s%s", i > 0 ? "," : "", ((SpThemeInfo *) agreement->themes->pdata[column])->name);
    }
  return g_string_free (out, FALSE);
}

/* Every pair above the diagonal with something in it, as
 * "a+b agree[…] conflict[…]" lines; checks symmetry on the way. */
static char *
agreement_pairs (SpAgreement *agreement)
{
  GString *out = g_string_new (NULL);
  guint n = agreement->stakeholders->len;

  for (guint row = 0; row < n; row++)
    {
      SpAgreementCell *diagonal = sp_agreement_get_cell (agreement, row, row);
      guint diagonal_agree = 1, diagonal_conflict = 1;

      sp_agreement_get_counts (agreement, row, row, &diagonal_agree, &diagonal_conflict);
      g_assert_cmpuint (diagonal_agree, ==, 0);
      g_assert_cmpuint (diagonal_conflict, ==, 0);

      g_assert_cmpuint (diagonal->agree_theme_ids->len, ==, 0);
      g_assert_cmpuint (diagonal->conflict_theme_ids->len, ==, 0);

      for (guint column = row + 1; column < n; column++)
        {
          guint n_agree, n_conflict;
          SpAgreementCell *cell, *mirror;

          /* The counts come before the lazily made arrays, and match them. */
          sp_agreement_get_counts (agreement, column, row, &n_agree, &n_conflict);
          cell = sp_agreement_get_cell (agreement, row, column);
          mirror = sp_agreement_get_cell (agreement, column, row);
          g_assert_cmpuint (cell->agree_theme_ids->len, ==, n_agree);
          g_assert_cmpuint (cell->conflict_theme_ids->len, ==, n_conflict);
          g_autofree char *agree = theme_list (agreement, cell->agree_theme_ids);
          g_autofree char *conflict = theme_list (agreement, cell->conflict_theme_ids);
          g_autofree char *mirror_agree = theme_list (agreement, mirror->agree_theme_ids);
          g_autofree char *mirror_conflict = theme_list (agreement, mirror->conflict_theme_ids);

          g_assert_cmpstr (agree, ==, mirror_agree);
          g_assert_cmpstr (conflict, ==, mirror_conflict);
          if (*agree == '\0' && *conflict == '\0')
            continue;
          g_string_append_printf (out, "%s+%s agree[%s] conflict[%s]\n",
                                  ((SpStakeholderInfo *) agreement->stakeholders->pdata[row])->name,
                                  ((SpStakeholderInfo *) agreement->stakeholders->pdata[column])->name,
                                  agree, conflict);
        }
    }
  return g_string_free (out, FALSE);
}

static void
assert_agreement (Fixture               *fixture,
                  const SpCompareFilter *filter,
                  const char            *rows,
                  const char            *pairs,
                  guint                  max_count)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpAgreement) agreement = sp_project_compute_agreement (fixture->base.project, filter, &error);
  g_autofree char *names = NULL;
  g_autofree char *dump = NULL;

  g_assert_no_error (error);
  names = stakeholder_names (agreement->stakeholders);
  dump = agreement_pairs (agreement);
  g_assert_cmpstr (names, ==, rows);
  g_assert_cmpstr (dump, ==, pairs);
  g_assert_cmpuint (agreement->max_count, ==, max_count);
}

static void
test_agreement (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(SpCompareFilter) filter = sp_compare_filter_new ();

  /* Li and Park both oppose like-mindedness: agreement; Kennedy supports
   * it: conflict with both. Mueller and Kennedy agree on neo-mercantilism
   * (both support) and on national security (both mixed). Li's neutral
   * passage agrees with no mixed one, and Park's stance-less passage on
   * neo-mercantilism counts for nothing. */
  assert_agreement (fixture, NULL,
                    ALL_ROWS,
                    ALL_PAIRS,
                    2);

  /* Without the mixed passages, Mueller and Kennedy agree on one theme. */
  filter->stances = (1 << SP_STANCE_SUPPORTS) | (1 << SP_STANCE_OPPOSES) | (1 << SP_STANCE_NEUTRAL);
  assert_agreement (fixture, filter,
                    ALL_ROWS,
                    "June Park+Scott Kennedy agree[] conflict[Like-minded countries]\n"
                    "June Park+Thomas Li agree[Like-minded countries] conflict[]\n"
                    "Milton Mueller+Scott Kennedy agree[Digital neo-mercantilism] conflict[]\n"
                    "Scott Kennedy+Thomas Li agree[] conflict[Like-minded countries]\n",
                    1);

  /* A stakeholder whose only passage has no stance has no row. */
  filter->stances = 0;
  filter->sectors = g_strsplit ("academia", ",", -1);
  filter->stances = (1 << SP_STANCE_NONE) | (1 << SP_STANCE_SUPPORTS);
  assert_agreement (fixture, filter, "Milton Mueller;", "", 0);

  /* Only the report: Li alone, nobody to pair with. */
  g_clear_pointer (&filter->sectors, g_strfreev);
  filter->stances = 0;
  filter->document_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (filter->document_ids, fixture->report_id);
  assert_agreement (fixture, filter, "Thomas Li;", "", 0);
}

/* Li now also supports like-mindedness: with Park (opposes) he agrees and
 * conflicts on it at once, and with Kennedy (supports) too. */
/* Ids far apart (only ever made by hand: SQLite numbers rows densely)
 * are found all the same: Thomas Li and National security moved to ids
 * in the billions count exactly as before. */
static void
test_matrix_sparse_ids (Fixture       *fixture,
                        gconstpointer  data)
{
  sqlite3 *db = _sp_project_get_db (fixture->base.project);
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;

  sql = g_strdup_printf ("PRAGMA foreign_keys = OFF;"
                         "UPDATE stakeholders SET id = 5000000001 WHERE id = %lld;"
                         "UPDATE annotations SET stakeholder_id = 5000000001 WHERE stakeholder_id = %lld;"
                         "UPDATE themes SET id = 7000000001 WHERE id = %lld;"
                         "UPDATE annotation_themes SET theme_id = 7000000001 WHERE theme_id = %lld;"
                         "PRAGMA foreign_keys = ON;",
                         (long long) fixture->li, (long long) fixture->li,
                         (long long) fixture->security, (long long) fixture->security);
  g_assert_true (sp_db_exec (db, sql, &error));
  g_assert_no_error (error);

  assert_matrix (fixture, NULL, ALL_ROWS, ALL_CELLS, 2);
  assert_agreement (fixture, NULL,
                    ALL_ROWS,
                    ALL_PAIRS,
                    2);
}

static void
test_agreement_both_sides (Fixture       *fixture,
                           gconstpointer  data)
{
  sp_test_tag_phrase (fixture->base.project, fixture->transcript_id, "appreciate the scores",
                      fixture->like_minded, 0, fixture->li, SP_STANCE_SUPPORTS);

  assert_agreement (fixture, NULL,
                    ALL_ROWS,
                    "June Park+Scott Kennedy agree[] conflict[Like-minded countries]\n"
                    "June Park+Thomas Li agree[Like-minded countries] conflict[Like-minded countries]\n"
                    "Milton Mueller+Scott Kennedy agree[Digital neo-mercantilism,National security] conflict[]\n"
                    "Scott Kennedy+Thomas Li agree[Like-minded countries] conflict[Like-minded countries]\n",
                    2);
}

/* The ids of @annotations, "id,id". */
static char *
annotation_ids (GPtrArray *annotations)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < annotations->len; i++)
    g_string_append_printf (out, "%s%lld", i > 0 ? "," : "",
                            (long long) ((SpAnnotationInfo *) annotations->pdata[i])->id);
  return g_string_free (out, FALSE);
}

/* The fixture's ids of the passages listed, up to -1, as "id,id". */
static char *
expected_ids_va (Fixture *fixture,
                 int      first,
                 va_list  args)
{
  GString *out = g_string_new (NULL);

  for (int passage = first; passage >= 0; passage = va_arg (args, int))
    g_string_append_printf (out, "%s%lld", out->len > 0 ? "," : "", (long long) fixture->ids[passage]);
  return g_string_free (out, FALSE);
}

static char *
expected_ids (Fixture *fixture,
              int      first,
              ...)
{
  va_list args;
  char *ids;

  va_start (args, first);
  ids = expected_ids_va (fixture, first, args);
  va_end (args);
  return ids;
}

/* Checks a listing of passages (consumed) against the fixture's passages
 * given, in that order, up to -1. */
static void
assert_passages (Fixture   *fixture,
                 GPtrArray *passages,
                 GError    *error,
                 int        first,
                 ...)
{
  g_autoptr(GPtrArray) owned = passages;
  g_autofree char *got = NULL;
  g_autofree char *want = NULL;
  va_list args;

  g_assert_no_error (error);
  va_start (args, first);
  want = expected_ids_va (fixture, first, args);
  va_end (args);
  got = annotation_ids (owned);
  g_assert_cmpstr (got, ==, want);
}

static void
assert_column (Fixture       *fixture,
               SpThemeColumn *column,
               gint64         stakeholder_id,
               SpStance       prevailing,
               const char    *ids)
{
  g_autofree char *got = annotation_ids (column->annotations);

  g_assert_cmpint (column->stakeholder->id, ==, stakeholder_id);
  g_assert_cmpint (column->prevailing, ==, prevailing);
  g_assert_cmpstr (got, ==, ids);
}

static void
test_compare_theme (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(SpCompareFilter) filter = sp_compare_filter_new ();
  g_autoptr(GPtrArray) columns = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *li = NULL, *park = NULL, *kennedy = NULL, *mueller = NULL;
  SpAnnotationInfo *passage;

  /* Supporters first, opponents last, by name among equals; the passage
   * with no stakeholder has no column. */
  columns = sp_project_compare_theme (fixture->base.project, fixture->like_minded, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (columns->len, ==, 3);
  kennedy = expected_ids (fixture, KENNEDY_LIKE_MINDED, -1);
  park = expected_ids (fixture, PARK_LIKE_MINDED, -1);
  li = expected_ids (fixture, LI_LIKE_MINDED, -1);
  assert_column (fixture, columns->pdata[0], fixture->kennedy, SP_STANCE_SUPPORTS, kennedy);
  assert_column (fixture, columns->pdata[1], fixture->park, SP_STANCE_OPPOSES, park);
  assert_column (fixture, columns->pdata[2], fixture->li, SP_STANCE_OPPOSES, li);
  g_assert_cmpuint (((SpThemeColumn *) columns->pdata[1])->n_by_stance[SP_STANCE_OPPOSES], ==, 1);

  /* Each passage carries its source. */
  passage = ((SpThemeColumn *) columns->pdata[2])->annotations->pdata[0];
  g_assert_cmpstr (passage->quote, ==, "an accurate challenge");
  g_assert_cmpint (passage->document_id, ==, fixture->transcript_id);
  g_assert_nonnull (passage->document_title);
  g_assert_cmpint (passage->end - passage->start, ==, strlen ("an accurate challenge"));
  g_assert_cmpint (passage->stance, ==, SP_STANCE_OPPOSES);
  g_clear_pointer (&columns, g_ptr_array_unref);

  /* A supports/mixed tie goes to supports; mixed before neutral; each
   * column's passages in reading order. */
  columns = sp_project_compare_theme (fixture->base.project, fixture->security, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (columns->len, ==, 3);
  mueller = expected_ids (fixture, MUELLER_MERCANTILISM, MUELLER_SECURITY, -1);
  g_free (kennedy);
  kennedy = expected_ids (fixture, KENNEDY_SECURITY, -1);
  g_free (li);
  li = expected_ids (fixture, LI_SECURITY_REPORT, -1);
  assert_column (fixture, columns->pdata[0], fixture->mueller, SP_STANCE_SUPPORTS, mueller);
  assert_column (fixture, columns->pdata[1], fixture->kennedy, SP_STANCE_MIXED, kennedy);
  assert_column (fixture, columns->pdata[2], fixture->li, SP_STANCE_NEUTRAL, li);
  g_clear_pointer (&columns, g_ptr_array_unref);

  /* Filtered to the transcript, Li drops out. */
  filter->document_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (filter->document_ids, fixture->transcript_id);
  columns = sp_project_compare_theme (fixture->base.project, fixture->security, filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (columns->len, ==, 2);
  g_assert_cmpint (((SpThemeColumn *) columns->pdata[1])->stakeholder->id, ==, fixture->kennedy);
  g_clear_pointer (&columns, g_ptr_array_unref);

  /* Only mixed passages: Mueller keeps one, and it now prevails. */
  filter->stances = 1 << SP_STANCE_MIXED;
  columns = sp_project_compare_theme (fixture->base.project, fixture->security, filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (columns->len, ==, 2);
  g_free (mueller);
  mueller = expected_ids (fixture, MUELLER_SECURITY, -1);
  assert_column (fixture, columns->pdata[0], fixture->mueller, SP_STANCE_MIXED, mueller);
  assert_column (fixture, columns->pdata[1], fixture->kennedy, SP_STANCE_MIXED, kennedy);
  g_clear_pointer (&columns, g_ptr_array_unref);

  /* A column with no stance at all comes last. */
  columns = sp_project_compare_theme (fixture->base.project, fixture->mercantilism, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (columns->len, ==, 3);
  g_assert_cmpint (((SpThemeColumn *) columns->pdata[0])->stakeholder->id, ==, fixture->mueller);
  g_assert_cmpint (((SpThemeColumn *) columns->pdata[1])->stakeholder->id, ==, fixture->kennedy);
  g_assert_cmpint (((SpThemeColumn *) columns->pdata[2])->stakeholder->id, ==, fixture->park);
  g_assert_cmpint (((SpThemeColumn *) columns->pdata[2])->prevailing, ==, SP_STANCE_NONE);
}

static void
test_cell_and_pair_passages (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(SpCompareFilter) filter = sp_compare_filter_new ();
  SpProject *project = fixture->base.project;
  GError *error = NULL;
  GPtrArray *passages;

  passages = sp_project_list_cell_annotations (project, fixture->mueller, fixture->security, NULL, &error);
  assert_passages (fixture, passages, error, MUELLER_MERCANTILISM, MUELLER_SECURITY, -1);

  filter->stances = 1 << SP_STANCE_MIXED;
  passages = sp_project_list_cell_annotations (project, fixture->mueller, fixture->security, filter, &error);
  assert_passages (fixture, passages, error, MUELLER_SECURITY, -1);

  /* Both stakeholders' passages, interleaved in reading order. */
  passages = sp_project_list_pair_annotations (project, fixture->mueller, fixture->kennedy, fixture->security,
                                               NULL, &error);
  assert_passages (fixture, passages, error, MUELLER_MERCANTILISM, KENNEDY_SECURITY, MUELLER_SECURITY, -1);

  passages = sp_project_list_pair_annotations (project, fixture->li, fixture->park, fixture->like_minded,
                                               NULL, &error);
  assert_passages (fixture, passages, error, LI_LIKE_MINDED, PARK_LIKE_MINDED, -1);

  /* Filters apply to pairs too: the report only leaves no like-minded pair. */
  filter->stances = 0;
  filter->document_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (filter->document_ids, fixture->report_id);
  passages = sp_project_list_pair_annotations (project, fixture->li, fixture->park, fixture->like_minded,
                                               filter, &error);
  assert_passages (fixture, passages, error, -1);
}

static void
test_unknown_ids (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(SpCompareFilter) filter = sp_compare_filter_new ();
  g_autoptr(GPtrArray) result = NULL;
  g_autoptr(SpMatrix) matrix = NULL;
  g_autoptr(GError) error = NULL;
  gint64 missing = 987654;

  result = sp_project_compare_theme (fixture->base.project, missing, NULL, &error);
  g_assert_error (error, SP_ERROR, SP_ERROR_NOT_FOUND);
  g_assert_null (result);
  g_clear_error (&error);

  result = sp_project_list_cell_annotations (fixture->base.project, missing, fixture->security, NULL, &error);
  g_assert_error (error, SP_ERROR, SP_ERROR_NOT_FOUND);
  g_clear_error (&error);

  result = sp_project_list_pair_annotations (fixture->base.project, fixture->li, missing, fixture->security,
                                             NULL, &error);
  g_assert_error (error, SP_ERROR, SP_ERROR_NOT_FOUND);
  g_clear_error (&error);

  filter->document_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (filter->document_ids, missing);
  matrix = sp_project_compute_matrix (fixture->base.project, filter, &error);
  g_assert_error (error, SP_ERROR, SP_ERROR_NOT_FOUND);
  g_assert_null (matrix);
  g_clear_error (&error);

  g_array_set_size (filter->document_ids, 0);
  filter->stances = 1 << 9;
  matrix = sp_project_compute_matrix (fixture->base.project, filter, &error);
  g_assert_error (error, SP_ERROR, SP_ERROR_INVALID_ARGUMENT);
  g_assert_null (matrix);
}

static void
test_undo (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 themes[] = { fixture->like_minded };

  /* Undoing Park's last tag leaves her one cell. */
  sp_test_undo (fixture->base.project);
  assert_matrix (fixture, NULL, ALL_ROWS,
                 "June Park/Like-minded countries:1(0,1,0,0,0,0)\n"
                 "Milton Mueller/Digital neo-mercantilism:1(1,0,0,0,0,0)\n"
                 "Milton Mueller/National security:2(1,0,1,0,0,0)\n"
                 "Scott Kennedy/Like-minded countries:1(1,0,0,0,0,0)\n"
                 "Scott Kennedy/Digital neo-mercantilism:1(1,0,0,0,0,0)\n"
                 "Scott Kennedy/National security:1(0,0,1,0,0,0)\n"
                 "Thomas Li/Like-minded countries:1(0,1,0,0,0,0)\n"
                 "Thomas Li/National security:1(0,0,0,1,0,0)\n",
                 2);
  sp_test_redo (fixture->base.project);
  assert_matrix (fixture, NULL, ALL_ROWS, ALL_CELLS, 2);

  /* Retagging Kennedy's security passage as like-minded (opposed) moves
   * it; undo moves it back. */
  sp_project_update_annotation (fixture->base.project, fixture->ids[KENNEDY_SECURITY], themes, 1,
                                fixture->kennedy, SP_STANCE_OPPOSES, NULL, &error);
  g_assert_no_error (error);
  assert_matrix (fixture, NULL, ALL_ROWS,
                 "June Park/Like-minded countries:1(0,1,0,0,0,0)\n"
                 "June Park/Digital neo-mercantilism:1(0,0,0,0,0,1)\n"
                 "Milton Mueller/Digital neo-mercantilism:1(1,0,0,0,0,0)\n"
                 "Milton Mueller/National security:2(1,0,1,0,0,0)\n"
                 "Scott Kennedy/Like-minded countries:2(1,1,0,0,0,0)\n"
                 "Scott Kennedy/Digital neo-mercantilism:1(1,0,0,0,0,0)\n"
                 "Thomas Li/Like-minded countries:1(0,1,0,0,0,0)\n"
                 "Thomas Li/National security:1(0,0,0,1,0,0)\n",
                 2);
  sp_test_undo (fixture->base.project);
  assert_matrix (fixture, NULL, ALL_ROWS, ALL_CELLS, 2);
}

/* Nothing to count is an empty result, not an error. */
static void
test_empty_project (SpTestFixture *fixture,
                    gconstpointer  data)
{
  g_autoptr(SpMatrix) matrix = NULL;
  g_autoptr(SpAgreement) agreement = NULL;
  g_autoptr(GError) error = NULL;

  matrix = sp_project_compute_matrix (fixture->project, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (matrix->stakeholders->len, ==, 0);
  g_assert_cmpuint (matrix->themes->len, ==, 0);
  g_assert_cmpuint (matrix->max_passages, ==, 0);

  agreement = sp_project_compute_agreement (fixture->project, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (agreement->stakeholders->len, ==, 0);
  g_assert_cmpuint (agreement->max_count, ==, 0);
}

static void
test_prevailing (void)
{
  guint counts[SP_N_STANCES] = { 0 };

  g_assert_cmpint (sp_stance_prevailing (counts), ==, SP_STANCE_NONE);
  counts[SP_STANCE_NONE] = 5;
  g_assert_cmpint (sp_stance_prevailing (counts), ==, SP_STANCE_NONE);
  counts[SP_STANCE_UNCLEAR] = 1;
  g_assert_cmpint (sp_stance_prevailing (counts), ==, SP_STANCE_UNCLEAR);
  counts[SP_STANCE_NEUTRAL] = 1;
  g_assert_cmpint (sp_stance_prevailing (counts), ==, SP_STANCE_NEUTRAL);
  counts[SP_STANCE_OPPOSES] = 2;
  counts[SP_STANCE_MIXED] = 2;
  g_assert_cmpint (sp_stance_prevailing (counts), ==, SP_STANCE_OPPOSES);
  counts[SP_STANCE_SUPPORTS] = 2;
  g_assert_cmpint (sp_stance_prevailing (counts), ==, SP_STANCE_SUPPORTS);
  counts[SP_STANCE_MIXED] = 3;
  g_assert_cmpint (sp_stance_prevailing (counts), ==, SP_STANCE_MIXED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/compare/prevailing", test_prevailing);
  g_test_add ("/compare/empty-project", SpTestFixture, NULL, sp_test_fixture_set_up_empty, test_empty_project,
              sp_test_fixture_tear_down);
  g_test_add ("/compare/matrix", Fixture, NULL, fixture_set_up, test_matrix, fixture_tear_down);
  g_test_add ("/compare/matrix-sparse-ids", Fixture, NULL, fixture_set_up, test_matrix_sparse_ids,
              fixture_tear_down);
  g_test_add ("/compare/matrix-filters", Fixture, NULL, fixture_set_up, test_matrix_filters, fixture_tear_down);
  g_test_add ("/compare/agreement", Fixture, NULL, fixture_set_up, test_agreement, fixture_tear_down);
  g_test_add ("/compare/agreement-both-sides", Fixture, NULL, fixture_set_up, test_agreement_both_sides,
              fixture_tear_down);
  g_test_add ("/compare/theme", Fixture, NULL, fixture_set_up, test_compare_theme, fixture_tear_down);
  g_test_add ("/compare/cell-and-pair", Fixture, NULL, fixture_set_up, test_cell_and_pair_passages,
              fixture_tear_down);
  g_test_add ("/compare/unknown-ids", Fixture, NULL, fixture_set_up, test_unknown_ids, fixture_tear_down);
  g_test_add ("/compare/undo", Fixture, NULL, fixture_set_up, test_undo, fixture_tear_down);

  return g_test_run ();
}
