/* sp-export-ids.c: stable GUIDs for exported items.
 *
 * Each project gets a random namespace the first time it is exported,
 * kept in its properties table; GUIDs are then derived from it and the
 * item's kind and id, like a UUID version 5. A read-only project that was
 * never exported derives its namespace from its file name instead, which
 * is stable for as long as the file keeps its name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sp-export-private.h"

#define SP_EXPORT_NAMESPACE_KEY "export.namespace"

struct _SpExportIds
{
  char *namespace;
};

SpExportIds *
_sp_export_ids_new (SpProject  *project,
                    GError    **error)
{
  g_autofree char *namespace = NULL;
  SpExportIds *self;

  namespace = sp_project_get_property (project, SP_EXPORT_NAMESPACE_KEY, error);
  if (namespace == NULL && error != NULL && *error != NULL)
    return NULL;

  if (namespace == NULL && sp_project_is_read_only (project))
    {
      g_autofree char *basename = g_path_get_basename (sp_project_get_path (project));

      namespace = g_strconcat ("file:", basename, NULL);
    }
  else if (namespace == NULL)
    {
      namespace = g_uuid_string_random ();
      if (!sp_project_set_property (project, SP_EXPORT_NAMESPACE_KEY, namespace, error))
        return NULL;
    }

  self = g_new0 (SpExportIds, 1);
  self->namespace = g_steal_pointer (&namespace);
  return self;
}

char *
_sp_export_ids_guid (SpExportIds *self,
                     const char  *kind,
                     gint64       id)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA1);
  g_autofree char *name = g_strdup_printf ("%s/%s/%lld", self->namespace, kind, (long long) id);
  guint8 digest[20];
  gsize len = sizeof digest;

  g_checksum_update (checksum, (const guchar *) name, -1);
  g_checksum_get_digest (checksum, digest, &len);
  digest[6] = (digest[6] & 0x0f) | 0x50;  /* version 5 */
  digest[8] = (digest[8] & 0x3f) | 0x80;  /* RFC 4122 variant */

  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          digest[0], digest[1], digest[2], digest[3], digest[4], digest[5],
                          digest[6], digest[7], digest[8], digest[9], digest[10], digest[11],
                          digest[12], digest[13], digest[14], digest[15]);
}

void
_sp_export_ids_free (SpExportIds *self)
{
  if (self == NULL)
    return;
  g_free (self->namespace);
  g_free (self);
}
