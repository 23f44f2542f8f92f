/* sp-types.c: string forms of the core enums, as stored in the project file
 * and printed by the command line, and the stances' translated names.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-types.h"

static const char * const document_kinds[] = {
  [SP_DOCUMENT_KIND_TEXT] = "text",
  [SP_DOCUMENT_KIND_REPORT] = "report",
  [SP_DOCUMENT_KIND_TRANSCRIPT] = "transcript",
  [SP_DOCUMENT_KIND_PDF] = "pdf",
  [SP_DOCUMENT_KIND_SUBTITLES] = "subtitles",
};

static const char * const segment_kinds[] = {
  [SP_SEGMENT_HEADING] = "heading",
  [SP_SEGMENT_PARAGRAPH] = "paragraph",
  [SP_SEGMENT_LIST_ITEM] = "list_item",
  [SP_SEGMENT_TURN] = "turn",
  [SP_SEGMENT_SPEAKER] = "speaker",
  [SP_SEGMENT_FOOTNOTE] = "footnote",
  [SP_SEGMENT_FOOTNOTE_REF] = "footnote_ref",
  [SP_SEGMENT_LINK] = "link",
  [SP_SEGMENT_EMPHASIS] = "emphasis",
  [SP_SEGMENT_TOC] = "toc",
  [SP_SEGMENT_TOC_ENTRY] = "toc_entry",
  [SP_SEGMENT_NOTES] = "notes",
  [SP_SEGMENT_PAGE] = "page",
  [SP_SEGMENT_TABLE] = "table",
};

static const char * const stances[] = {
  [SP_STANCE_NONE] = "",
  [SP_STANCE_SUPPORTS] = "supports",
  [SP_STANCE_OPPOSES] = "opposes",
  [SP_STANCE_MIXED] = "mixed",
  [SP_STANCE_NEUTRAL] = "neutral",
  [SP_STANCE_UNCLEAR] = "unclear",
};

static gboolean
lookup (const char * const *table,
        guint               n,
        const char         *str,
        int                *out)
{
  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      if (g_strcmp0 (table[i], str) == 0)
        {
          *out = (int) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
sp_document_kind_to_string (SpDocumentKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (document_kinds), NULL);
  return document_kinds[kind];
}

gboolean
sp_document_kind_from_string (const char     *str,
                              SpDocumentKind *kind)
{
  int value;

  if (!lookup (document_kinds, G_N_ELEMENTS (document_kinds), str, &value))
    return FALSE;
  *kind = (SpDocumentKind) value;
  return TRUE;
}

const char *
sp_segment_kind_to_string (SpSegmentKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (segment_kinds), NULL);
  return segment_kinds[kind];
}

gboolean
sp_segment_kind_from_string (const char    *str,
                             SpSegmentKind *kind)
{
  int value;

  if (!lookup (segment_kinds, G_N_ELEMENTS (segment_kinds), str, &value))
    return FALSE;
  *kind = (SpSegmentKind) value;
  return TRUE;
}

const char *
sp_stance_to_string (SpStance stance)
{
  g_return_val_if_fail (stance < G_N_ELEMENTS (stances), NULL);
  return stances[stance];
}

gboolean
sp_stance_from_string (const char *str,
                       SpStance   *stance)
{
  int value;

  if (str == NULL || *str == '\0')
    return FALSE;
  if (!lookup (stances, G_N_ELEMENTS (stances), str, &value))
    return FALSE;
  *stance = (SpStance) value;
  return TRUE;
}

/* The one place the stances are named for people, so the annotation
 * panel, the compare views and the briefs all say the same. */
const char *
sp_stance_get_label (SpStance stance)
{
  switch (stance)
    {
    case SP_STANCE_SUPPORTS: return _("Supports");
    case SP_STANCE_OPPOSES:  return _("Opposes");
    case SP_STANCE_MIXED:    return _("Mixed");
    case SP_STANCE_NEUTRAL:  return _("Neutral");
    case SP_STANCE_UNCLEAR:  return _("Unclear");
    case SP_STANCE_NONE:
    default:                 return _("No stance");
    }
}
