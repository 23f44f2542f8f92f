/* test-mentions.c: finding where the sample report names a stakeholder,
 * with offsets checked against the text, and the speed on a large text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sp-mentions.h"
#include "sp-project-stakeholders.h"
#include "sp-sample.h"
#include "test-helpers.h"

typedef struct
{
  char      *dir;
  SpProject *project;
  char      *report;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = sp_test_make_dir ("standpoint-mentions-XXXXXX");
  fixture->project = sp_test_project_new (fixture->dir, "test.standpoint", TRUE, NULL);
  fixture->report = sp_project_get_document_text (fixture->project, 1, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->project);
  sp_test_remove_tree (fixture->dir);
  g_free (fixture->report);
  g_free (fixture->dir);
}

/* Code point offset of @needle in @text, searching from byte @from. */
static gint64
cp_offset (const char *text,
           const char *needle)
{
  const char *hit = strstr (text, needle);

  g_assert_nonnull (hit);
  return g_utf8_pointer_to_offset (text, hit);
}

static char *
slice (const char *text,
       gint64      start,
       gint64      end)
{
  const char *a = g_utf8_offset_to_pointer (text, start);
  const char *b = g_utf8_offset_to_pointer (a, end - start);

  return g_strndup (a, (gsize) (b - a));
}

static const SpMention *
mention_at (GPtrArray *mentions,
            gint64     start)
{
  for (guint i = 0; i < mentions->len; i++)
    {
      const SpMention *mention = g_ptr_array_index (mentions, i);

      if (mention->start == start)
        return mention;
    }
  return NULL;
}

static void
test_report (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) mentions = NULL;
  gint64 previous_end = 0;
  /* context in the report, what in it is the mention, who it names */
  const struct { const char *context; const char *alias; const char *name; } expected[] = {
    { "As Kennedy observes", "Kennedy", "Scott Kennedy" },
    { "Dr Scott Kennedy", "Scott Kennedy", "Scott Kennedy" },
    { "Professor Andrea Renda", "Andrea Renda", "Andrea Renda" },
    { "as Renda notes", "Renda", "Andrea Renda" },
    { "Using Renda’s words", "Renda", "Andrea Renda" },
    { "as Mueller argues", "Mueller", "Milton Mueller" },
    { "Professor Mueller observes", "Mueller", "Milton Mueller" },
    { "Thomas Li further confirms", "Thomas Li", "Thomas Li" },
    { "Thomas Li's approach", "Thomas Li", "Thomas Li" },
    { "Dr June Park also notes", "June Park", "June Park" },
    { "see Baisheng An (2012)", "Baisheng An", "Baisheng An" },
    { "Claire Milne¹ Jufang Wang²", "Claire Milne", "Claire Milne" },  /* the author line */
  };

  mentions = sp_project_find_mentions (fixture->project, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mentions->len, >=, 40);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      gint64 context = cp_offset (fixture->report, expected[i].context);
      gint64 start = context + g_utf8_strlen (expected[i].context,
                                              strstr (expected[i].context, expected[i].alias) - expected[i].context);
      const SpMention *mention = mention_at (mentions, start);

      g_assert_nonnull (mention);
      g_assert_cmpint (mention->end, ==, start + g_utf8_strlen (expected[i].alias, -1));
      g_assert_cmpstr (mention->name, ==, expected[i].name);
      g_assert_cmpstr (mention->alias, ==, expected[i].alias);
    }

  /* Every mention is in order, does not overlap, says what the text says,
   * and never "Li" or "An" alone. */
  for (guint i = 0; i < mentions->len; i++)
    {
      const SpMention *mention = g_ptr_array_index (mentions, i);
      g_autofree char *text = slice (fixture->report, mention->start, mention->end);

      g_assert_cmpint (mention->start, >=, previous_end);
      g_assert_cmpstr (text, ==, mention->alias);
      g_assert_cmpstr (text, !=, "Li");
      g_assert_cmpstr (text, !=, "An");
      previous_end = mention->end;
    }
}

static void
test_words (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) mentions = NULL;
  g_autoptr(SpStakeholderInfo) li = sp_project_find_stakeholder (fixture->project, "Thomas Li", NULL);

  g_assert_true (sp_project_add_stakeholder_alias (fixture->project, li->id, "Li", &error));
  g_assert_no_error (error);

  /* Whole words only, case-sensitive, the longest first; "Li" now also on
   * its own. Offsets are code points (é, ’ are one each). */
  mentions = sp_project_find_mentions_in_text (fixture->project,
                                               "Élan: Thomas\nLi, Lithium, mueller, Muellerian, "
                                               "Li’s view, RENDA, Renda. Andrea Renda²³ and Li1.", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mentions->len, ==, 4);
  g_assert_cmpint (((SpMention *) g_ptr_array_index (mentions, 0))->start, ==, 6);
  g_assert_cmpint (((SpMention *) g_ptr_array_index (mentions, 0))->end, ==, 15);
  g_assert_cmpstr (((SpMention *) g_ptr_array_index (mentions, 0))->alias, ==, "Thomas Li");
  g_assert_cmpint (((SpMention *) g_ptr_array_index (mentions, 1))->start, ==, 47);
  g_assert_cmpstr (((SpMention *) g_ptr_array_index (mentions, 1))->alias, ==, "Li");
  g_assert_cmpstr (((SpMention *) g_ptr_array_index (mentions, 2))->name, ==, "Andrea Renda");
  g_assert_cmpint (((SpMention *) g_ptr_array_index (mentions, 2))->start, ==, 65);
  /* A footnote mark ends a name; a digit does not. */
  g_assert_cmpstr (((SpMention *) g_ptr_array_index (mentions, 3))->name, ==, "Andrea Renda");
  g_assert_cmpint (((SpMention *) g_ptr_array_index (mentions, 3))->start, ==, 72);
  g_assert_cmpint (((SpMention *) g_ptr_array_index (mentions, 3))->end, ==, 84);
}

static void
test_large (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) once = NULL;
  g_autoptr(GPtrArray) mentions = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GTimer) timer = NULL;
  guint copies = 0;

  while (text->len < 1024 * 1024)
    {
      g_string_append (text, fixture->report);
      g_string_append_c (text, '\n');
      copies++;
    }

  once = sp_project_find_mentions_in_text (fixture->project, fixture->report, &error);
  timer = g_timer_new ();
  mentions = sp_project_find_mentions_in_text (fixture->project, text->str, &error);
  g_timer_stop (timer);
  g_assert_no_error (error);
  g_assert_cmpuint (mentions->len, ==, once->len * copies);
  /* A figure, not a test: speed goals are for the benchmarks. */
  g_test_message ("%u mentions in %zu bytes in %.3f s", mentions->len, text->len,
                  g_timer_elapsed (timer, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/core/mentions/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("report", test_report);
  ADD ("words", test_words);
  ADD ("large", test_large);
#undef ADD

  return g_test_run ();
}
