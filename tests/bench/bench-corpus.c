/* bench-corpus.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "bench-corpus.h"

GString *
sp_bench_build_transcript (gsize target_bytes)
{
  g_autofree char *path = g_build_filename (g_getenv ("SP_TEST_CORPUS"),
                                            "geopolitics-of-standards-webinar-transcript.txt", NULL);
  g_autofree char *corpus = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) turns = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GRegex) speaker = g_regex_new ("^([A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)+)\\S* (?:\\d+:)?\\d\\d:\\d\\d$", 0, 0, NULL);
  GString *out;
  GString *turn = NULL;
  guint seconds = 0;

  if (!g_file_get_contents (path, &corpus, NULL, NULL))
    g_error ("cannot read %s (set SP_TEST_CORPUS)", path);

  lines = g_strsplit (corpus, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(GMatchInfo) match = NULL;
      const char *line = lines[i];

      if (g_regex_match (speaker, line, 0, &match))
        {
          if (turn != NULL)
            g_ptr_array_add (turns, g_string_free (turn, FALSE));
          turn = g_string_new (NULL);
          g_string_append_printf (turn, "%s %%s\n", g_match_info_fetch (match, 1));
          continue;
        }
      if (turn == NULL || g_str_has_prefix (line, "¹") || g_str_has_prefix (line, "²") ||
          g_str_has_prefix (line, "³") || g_str_has_prefix (line, "⁴"))
        continue;
      g_string_append_printf (turn, "%s\n", line);
    }
  if (turn != NULL)
    g_ptr_array_add (turns, g_string_free (turn, FALSE));

  out = g_string_sized_new (target_bytes + 65536);
  g_string_append (out, "Edited transcript of a very long hearing\n\n");
  while (out->len < target_bytes)
    {
      for (guint t = 0; t < turns->len; t++)
        {
          g_autofree char *stamp = g_strdup_printf ("%u:%02u:%02u", seconds / 3600, seconds / 60 % 60, seconds % 60);
          const char *format = g_ptr_array_index (turns, t);
          const char *mark = strstr (format, "%s");

          g_string_append_len (out, format, mark - format);
          g_string_append (out, stamp);
          g_string_append (out, mark + 2);
          seconds += 37;
        }
    }

  return out;
}

double
sp_bench_now_seconds (void)
{
  return g_get_monotonic_time () / 1e6;
}

int
sp_bench_compare_double (const void *a,
                         const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}
