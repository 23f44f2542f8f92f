/* sp-brief-html.c: a brief as one self-contained HTML file: inline CSS
 * with a print stylesheet, theme colours, and nothing fetched from
 * anywhere (a Content-Security-Policy forbids it too).
 *
 * Every text from the project is escaped, and colours are checked to be
 * "#rrggbb" before they reach a style attribute.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-brief-export.h"

static const char stylesheet[] =
  "body{font:16px/1.5 'Cantarell','Noto Sans','DejaVu Sans',sans-serif;color:#241f31;"
  "max-width:46em;margin:2em auto;padding:0 1em;background:#fff}"
  "h1{font-size:2em;margin-bottom:.2em}"
  "h2{border-bottom:3px solid var(--theme);padding-bottom:.2em;margin-top:2em}"
  "h3{font-size:1.1em;margin:1.5em 0 .5em}"
  ".date{color:#5e5c64;margin-top:0}"
  ".scope{color:#3d3846;padding-left:1.2em}"
  ".statement{background:#f6f5f4;border-radius:6px;padding:.5em .8em}"
  "table{border-collapse:collapse;margin:1em 0}"
  "th,td{border-bottom:1px solid #deddda;padding:.3em .8em;text-align:left}"
  "td.count{text-align:right}"
  ".stance{display:inline-block;color:#fff;border-radius:1em;padding:0 .6em;font-size:.85em}"
  "blockquote{margin:.8em 0;padding:.5em .9em;border-left:5px solid var(--theme);"
  "background:color-mix(in srgb,var(--theme) 14%,#fff)}"
  "blockquote p{margin:0}"
  ".citation{color:#5e5c64;font-size:.9em}"
  ".memo{margin:.3em 0 .3em 1em;font-style:italic}"
  ".links{margin:.3em 0 1em 1em;font-size:.95em}"
  ".link-kind{font-weight:bold}"
  ".appendix h2{border-color:#9a9996}"
  "@media print{body{max-width:none;margin:0;font-size:11pt}"
  "h2{break-after:avoid;page-break-after:avoid}h3{break-after:avoid}"
  "blockquote,table{break-inside:avoid;page-break-inside:avoid}"
  "blockquote,.stance{-webkit-print-color-adjust:exact;print-color-adjust:exact}"
  ".theme{break-before:page}}\n";

/* Escapes &, <, >, " and ' and turns newlines into <br>. */
static void
append_text (GString    *out,
             const char *text)
{
  g_autofree char *isolated = sp_brief_isolate_bidi (text);

  for (const char *p = isolated; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '&': g_string_append (out, "&amp;"); break;
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        case '"': g_string_append (out, "&quot;"); break;
        case '\'': g_string_append (out, "&#39;"); break;
        case '\n': g_string_append (out, "<br>"); break;
        case '\r': break;
        default: g_string_append_c (out, *p); break;
        }
    }
}

static void
append_element (GString    *out,
                const char *open,
                const char *text,
                const char *close)
{
  g_string_append (out, open);
  append_text (out, text);
  g_string_append (out, close);
}

static void
append_stance (GString  *out,
               SpStance  stance)
{
  g_string_append_printf (out, "<span class=\"stance\" style=\"background:%s\">",
                          sp_brief_stance_color (stance));
  append_text (out, sp_stance_get_label (stance));
  g_string_append (out, "</span>");
}

static void
append_citation (GString               *out,
                 const SpCitation *citation)
{
  g_autofree char *text = sp_citation_format (citation);

  append_element (out, "<span class=\"citation\">", text, "</span>");
}

static void
append_quote (GString            *out,
              const SpBriefQuote *quote)
{
  append_element (out, "<blockquote><p>", quote->quote, "</p><p>— ");
  append_citation (out, &quote->citation);
  g_string_append_c (out, ' ');
  append_stance (out, quote->stance);
  g_string_append (out, "</p></blockquote>\n");

  if (quote->memo[0] != '\0')
    {
      append_element (out, "<p class=\"memo\"><strong>", _("Memo:"), "</strong> ");
      append_text (out, quote->memo);
      g_string_append (out, "</p>\n");
    }

  if (quote->links->len == 0)
    return;
  g_string_append (out, "<ul class=\"links\">\n");
  for (guint i = 0; i < quote->links->len; i++)
    {
      const SpBriefLink *link = g_ptr_array_index (quote->links, i);

      append_element (out, "<li><span class=\"link-kind\">", link->label, "</span> “");
      append_text (out, link->quote);
      g_string_append (out, "” ");
      append_citation (out, &link->citation);
      g_string_append (out, "</li>\n");
    }
  g_string_append (out, "</ul>\n");
}

static void
append_theme (GString            *out,
              const SpBriefTheme *theme)
{
  const SpThemeInfo *info = theme->theme;

  g_string_append_printf (out, "<div class=\"theme\" style=\"--theme:%s\">\n",
                          sp_brief_safe_color (info->color));
  append_element (out, "<h2>", info->name, "</h2>\n");
  if (info->description != NULL && info->description[0] != '\0')
    append_element (out, "<p class=\"description\">", info->description, "</p>\n");
  if (info->statement != NULL && info->statement[0] != '\0')
    {
      append_element (out, "<p class=\"statement\"><strong>", _("Position:"), "</strong> ");
      append_text (out, info->statement);
      g_string_append (out, "</p>\n");
    }

  g_string_append (out, "<table class=\"stakeholders\"><thead><tr>");
  append_element (out, "<th>", _("Stakeholder"), "</th>");
  append_element (out, "<th>", _("Stance"), "</th>");
  append_element (out, "<th>", _("Passages"), "</th></tr></thead><tbody>\n");
  for (guint i = 0; i < theme->stakeholders->len; i++)
    {
      const SpBriefStakeholder *stakeholder = g_ptr_array_index (theme->stakeholders, i);

      append_element (out, "<tr><td>", stakeholder->name, "</td><td>");
      append_stance (out, stakeholder->stance);
      g_string_append_printf (out, "</td><td class=\"count\">%u</td></tr>\n", stakeholder->quotes->len);
    }
  g_string_append (out, "</tbody></table>\n");

  for (guint i = 0; i < theme->stakeholders->len; i++)
    {
      const SpBriefStakeholder *stakeholder = g_ptr_array_index (theme->stakeholders, i);

      append_element (out, "<h3>", stakeholder->name, " ");
      append_stance (out, stakeholder->stance);
      g_string_append (out, "</h3>\n");
      for (guint q = 0; q < stakeholder->quotes->len; q++)
        append_quote (out, g_ptr_array_index (stakeholder->quotes, q));
    }
  g_string_append (out, "</div>\n");
}

static void
append_appendix (GString       *out,
                 const SpBrief *brief)
{
  g_string_append (out, "<div class=\"appendix\">\n");
  if (brief->codebook->len > 0)
    {
      append_element (out, "<h2>", _("Codebook"), "</h2>\n<dl>\n");
      for (guint i = 0; i < brief->codebook->len; i++)
        {
          const SpThemeInfo *theme = g_ptr_array_index (brief->codebook, i);

          g_string_append_printf (out, "<dt style=\"margin-left:%upx;color:%s\">",
                                  theme->depth * 24, sp_brief_safe_color (theme->color));
          append_element (out, "<strong>", theme->name, "</strong></dt>");
          g_string_append_printf (out, "<dd style=\"margin-left:%upx\">", 24 + theme->depth * 24);
          append_text (out, theme->description);
          if (theme->statement != NULL && theme->statement[0] != '\0')
            {
              append_element (out, " <em>", _("Position:"), "</em> ");
              append_text (out, theme->statement);
            }
          g_string_append (out, "</dd>\n");
        }
      g_string_append (out, "</dl>\n");
    }

  append_element (out, "<h2>", _("Sources"), "</h2>\n<ol>\n");
  for (guint i = 0; i < brief->sources->len; i++)
    {
      const SpDocumentInfo *document = g_ptr_array_index (brief->sources, i);

      append_element (out, "<li>", document->title, "");
      if (document->source_name != NULL && document->source_name[0] != '\0')
        append_element (out, " <span class=\"citation\">(", document->source_name, ")</span>");
      g_string_append (out, "</li>\n");
    }
  g_string_append (out, "</ol>\n</div>\n");
}

char *
sp_brief_to_html (const SpBrief *brief)
{
  GString *out = g_string_sized_new (8192 + brief->n_quotes * 768);
  const char * const *languages = g_get_language_names ();
  g_autofree char *language = g_strdup (languages[0]);

  g_return_val_if_fail (brief != NULL, NULL);

  /* "de_DE.UTF-8" → "de-DE"; "C" → "en". */
  g_strdelimit (language, ".@", '\0');
  g_strdelimit (language, "_", '-');
  if (g_strcmp0 (language, "C") == 0 || g_strcmp0 (language, "POSIX") == 0)
    g_clear_pointer (&language, g_free);

  g_string_append (out, "<!DOCTYPE html>\n<html lang=\"");
  append_text (out, language != NULL ? language : "en");
  g_string_append (out, "\">\n<head>\n<meta charset=\"utf-8\">\n"
                        "<meta http-equiv=\"Content-Security-Policy\" "
                        "content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
                        "<meta name=\"viewport\" content=\"width=device-width\">\n");
  append_element (out, "<title>", brief->title, "</title>\n<style>");
  g_string_append (out, stylesheet);
  g_string_append (out, "</style>\n</head>\n<body>\n");

  append_element (out, "<h1>", brief->title, "</h1>\n");
  append_element (out, "<p class=\"date\">", brief->date, "</p>\n<ul class=\"scope\">\n");
  for (guint i = 0; i < brief->scope_lines->len; i++)
    append_element (out, "<li>", g_ptr_array_index (brief->scope_lines, i), "</li>\n");
  g_string_append (out, "</ul>\n");

  if (brief->themes->len == 0)
    append_element (out, "<p>", _("No annotated passages are in the brief's scope."), "</p>\n");
  for (guint i = 0; i < brief->themes->len; i++)
    append_theme (out, g_ptr_array_index (brief->themes, i));

  append_appendix (out, brief);
  g_string_append (out, "</body>\n</html>\n");
  return g_string_free (out, FALSE);
}
