/* sp-records.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sp-records.h"

void
sp_document_info_free (SpDocumentInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->title);
  g_free (info->source_name);
  g_free (info->sha256);
  g_free (info->imported_at);
  g_free (info->warnings);
  g_free (info);
}

void
sp_segment_info_free (SpSegmentInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->stakeholder);
  g_free (info->href);
  g_free (info);
}

void
sp_stakeholder_info_free (SpStakeholderInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->name);
  g_free (info->organisation);
  g_free (info->role);
  g_free (info->sector);
  g_free (info->region);
  g_free (info->color);
  g_free (info->notes);
  g_strfreev (info->aliases);
  g_free (info);
}

void
sp_theme_info_free (SpThemeInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->name);
  g_free (info->description);
  g_free (info->statement);
  g_free (info->color);
  g_free (info->shortcut);
  g_free (info);
}
