/* sp-brief-markdown.c: a brief as CommonMark.
 *
 * Text from documents and memos is escaped so it stays text: no link,
 * emphasis, HTML or heading can be injected through a quote or a memo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-brief-export.h"

/* Escaped anywhere: inline markup, links, raw HTML, entities, tables. */
#define ALWAYS_ESCAPED "\\`*_[]<>&|"
/* Escaped at the start of a line: headings, lists, setext underlines. */
#define LINE_START_ESCAPED "#+-=>"

/* Appends @text with every newline followed by @line_prefix, so a
 * multi-line quote stays in its block quote; leading blanks of a line are
 * dropped (they would make an indented code block). */
static void
append_escaped (GString    *out,
                const char *text,
                const char *line_prefix)
{
  g_autofree char *isolated = sp_brief_isolate_bidi (text);
  gboolean line_start = TRUE;

  for (const char *p = isolated; *p != '\0'; p++)
    {
      char c = *p;

      if (c == '\r')
        continue;
      if (c == '\n')
        {
          g_string_append_c (out, '\n');
          g_string_append (out, line_prefix);
          line_start = TRUE;
          continue;
        }
      if (line_start && (c == ' ' || c == '\t'))
        continue;

      if (strchr (ALWAYS_ESCAPED, c) != NULL || (line_start && strchr (LINE_START_ESCAPED, c) != NULL))
        g_string_append_c (out, '\\');
      else if (line_start && g_ascii_isdigit (c))
        {
          /* "1." or "1)" opening a line would start an ordered list. */
          const char *q = p;

          while (g_ascii_isdigit (*q))
            q++;
          if (*q == '.' || *q == ')')
            {
              g_string_append_len (out, p, q - p);
              g_string_append_c (out, '\\');
              p = q;
              c = *q;
            }
        }

      g_string_append_c (out, c);
      line_start = FALSE;
    }
}

/* One line, for headings, list items and table cells. */
static void
append_inline (GString    *out,
               const char *text)
{
  g_autofree char *flat = g_strdup (text != NULL ? text : "");

  g_strdelimit (flat, "\r\n\t", ' ');
  append_escaped (out, flat, "");
}

static void
append_citation (GString               *out,
                 const SpCitation *citation)
{
  g_autofree char *text = sp_citation_format (citation);

  append_inline (out, text);
}

static void
append_quote (GString            *out,
              const SpBriefQuote *quote)
{
  g_string_append (out, "> ");
  append_escaped (out, quote->quote, "> ");
  g_string_append (out, "\n>\n> — ");
  append_citation (out, &quote->citation);
  g_string_append (out, " (");
  append_inline (out, sp_stance_get_label (quote->stance));
  g_string_append (out, ")\n\n");

  if (quote->memo[0] != '\0')
    {
      g_string_append_printf (out, "*%s* ", _("Memo:"));
      append_escaped (out, quote->memo, "");
      g_string_append (out, "\n\n");
    }

  for (guint i = 0; i < quote->links->len; i++)
    {
      const SpBriefLink *link = g_ptr_array_index (quote->links, i);

      g_string_append (out, "- **");
      append_inline (out, link->label);
      g_string_append (out, ":** “");
      append_inline (out, link->quote);
      g_string_append (out, "” — ");
      append_citation (out, &link->citation);
      g_string_append_c (out, '\n');
    }
  if (quote->links->len > 0)
    g_string_append_c (out, '\n');
}

static void
append_theme (GString            *out,
              const SpBriefTheme *theme)
{
  g_string_append (out, "## ");
  append_inline (out, theme->theme->name);
  g_string_append (out, "\n\n");

  if (theme->theme->description != NULL && theme->theme->description[0] != '\0')
    {
      append_escaped (out, theme->theme->description, "");
      g_string_append (out, "\n\n");
    }
  if (theme->theme->statement != NULL && theme->theme->statement[0] != '\0')
    {
      g_string_append_printf (out, "**%s** ", _("Position:"));
      append_escaped (out, theme->theme->statement, "");
      g_string_append (out, "\n\n");
    }

  g_string_append_printf (out, "| %s | %s | %s |\n| --- | --- | ---: |\n",
                          _("Stakeholder"), _("Stance"), _("Passages"));
  for (guint i = 0; i < theme->stakeholders->len; i++)
    {
      const SpBriefStakeholder *stakeholder = g_ptr_array_index (theme->stakeholders, i);

      g_string_append (out, "| ");
      append_inline (out, stakeholder->name);
      g_string_append (out, " | ");
      append_inline (out, sp_stance_get_label (stakeholder->stance));
      g_string_append_printf (out, " | %u |\n", stakeholder->quotes->len);
    }
  g_string_append_c (out, '\n');

  for (guint i = 0; i < theme->stakeholders->len; i++)
    {
      const SpBriefStakeholder *stakeholder = g_ptr_array_index (theme->stakeholders, i);

      g_string_append (out, "### ");
      append_inline (out, stakeholder->name);
      g_string_append (out, " — ");
      append_inline (out, sp_stance_get_label (stakeholder->stance));
      g_string_append (out, "\n\n");
      for (guint q = 0; q < stakeholder->quotes->len; q++)
        append_quote (out, g_ptr_array_index (stakeholder->quotes, q));
    }
}

static void
append_appendix (GString       *out,
                 const SpBrief *brief)
{
  if (brief->codebook->len > 0)
    {
      g_string_append_printf (out, "## %s\n\n", _("Codebook"));
      for (guint i = 0; i < brief->codebook->len; i++)
        {
          const SpThemeInfo *theme = g_ptr_array_index (brief->codebook, i);

          for (guint d = 0; d < theme->depth; d++)
            g_string_append (out, "  ");
          g_string_append (out, "- **");
          append_inline (out, theme->name);
          g_string_append (out, "**");
          if (theme->description != NULL && theme->description[0] != '\0')
            {
              g_string_append (out, ": ");
              append_inline (out, theme->description);
            }
          if (theme->statement != NULL && theme->statement[0] != '\0')
            {
              g_string_append_printf (out, " *%s* ", _("Position:"));
              append_inline (out, theme->statement);
            }
          g_string_append_c (out, '\n');
        }
      g_string_append_c (out, '\n');
    }

  g_string_append_printf (out, "## %s\n\n", _("Sources"));
  for (guint i = 0; i < brief->sources->len; i++)
    {
      const SpDocumentInfo *document = g_ptr_array_index (brief->sources, i);

      g_string_append_printf (out, "%u. ", i + 1);
      append_inline (out, document->title);
      if (document->source_name != NULL && document->source_name[0] != '\0')
        {
          g_string_append (out, " (");
          append_inline (out, document->source_name);
          g_string_append_c (out, ')');
        }
      g_string_append_c (out, '\n');
    }
}

char *
sp_brief_to_markdown (const SpBrief *brief)
{
  GString *out = g_string_sized_new (4096 + brief->n_quotes * 512);

  g_return_val_if_fail (brief != NULL, NULL);

  g_string_append (out, "# ");
  append_inline (out, brief->title);
  g_string_append (out, "\n\n");
  append_inline (out, brief->date);
  g_string_append (out, "\n\n");
  for (guint i = 0; i < brief->scope_lines->len; i++)
    {
      g_string_append (out, "- ");
      append_inline (out, g_ptr_array_index (brief->scope_lines, i));
      g_string_append_c (out, '\n');
    }
  g_string_append_c (out, '\n');

  if (brief->themes->len == 0)
    g_string_append_printf (out, "%s\n\n", _("No annotated passages are in the brief's scope."));
  for (guint i = 0; i < brief->themes->len; i++)
    append_theme (out, g_ptr_array_index (brief->themes, i));

  append_appendix (out, brief);
  return g_string_free (out, FALSE);
}
