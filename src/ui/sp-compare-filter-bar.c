/* sp-compare-filter-bar.c: documents, sectors and stances to compare.
 *
 * Each kind of choice is a menu button whose popover holds an "All" check
 * button, then one check button per document, sector or stance. "All" is
 * on exactly when nothing else is: choosing something turns it off,
 * turning it on clears the choice, and clearing the last choice turns it
 * back on. Each choice's check button carries its key (a document id, a
 * sector name, a stance number) and its name as object data.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include <glib/gi18n.h>

#include "sp-compare-filter-bar.h"
#include "sp-stance-style.h"

#define RESOURCE "/io/github/standpoint/Standpoint/sp-compare-filter-bar.ui"
#define KEY_DATA "sp-filter-key"
#define NAME_DATA "sp-filter-name"

#define N_KINDS (SP_COMPARE_FILTER_STANCES + 1)
typedef SpCompareFilterKind Kind;

typedef struct
{
  GtkMenuButton  *button;
  GtkLabel       *label;   /* says what is chosen */
  GtkCheckButton *all;
  GtkBox         *items;   /* a GtkCheckButton per choice */
} Choice;

struct _SpCompareFilterBar
{
  GtkWidget  parent_instance;

  GtkWidget *box;
  Choice     choices[N_KINDS];
  guint      updating;
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SpCompareFilterBar, sp_compare_filter_bar, GTK_TYPE_WIDGET)

static const char *
kind_name (Kind kind)
{
  switch (kind)
    {
    case SP_COMPARE_FILTER_DOCUMENTS: return _("Filter by document");
    case SP_COMPARE_FILTER_SECTORS:   return _("Filter by sector");
    case SP_COMPARE_FILTER_STANCES:
    default:             return _("Filter by stance");
    }
}

static const char *
item_key (GtkWidget *item)
{
  return g_object_get_data (G_OBJECT (item), KEY_DATA);
}

static guint
count_chosen (Choice *choice)
{
  guint n = 0;

  for (GtkWidget *item = gtk_widget_get_first_child (GTK_WIDGET (choice->items)); item != NULL;
       item = gtk_widget_get_next_sibling (item))
    n += gtk_check_button_get_active (GTK_CHECK_BUTTON (item));
  return n;
}

/* "All documents"; the document's title; "2 documents"; "Government,
 * Industry"; "3 sectors"; "Supports, Mixed"… */
static char *
describe_choice (Kind    kind,
                 Choice *choice)
{
  guint n = count_chosen (choice);
  /* Two document titles would not fit in the bar; two sectors or stances do */
  guint max_named = kind == SP_COMPARE_FILTER_DOCUMENTS ? 1 : 2;
  g_autoptr(GPtrArray) names = NULL;

  if (n == 0)
    return g_strdup (gtk_check_button_get_label (choice->all));
  if (n > max_named)
    switch (kind)
      {
      case SP_COMPARE_FILTER_DOCUMENTS: return g_strdup_printf (ngettext ("%u document", "%u documents", n), n);
      case SP_COMPARE_FILTER_SECTORS:   return g_strdup_printf (ngettext ("%u sector", "%u sectors", n), n);
      case SP_COMPARE_FILTER_STANCES:
      default:             return g_strdup_printf (ngettext ("%u stance", "%u stances", n), n);
      }

  names = g_ptr_array_new ();
  for (GtkWidget *item = gtk_widget_get_first_child (GTK_WIDGET (choice->items)); item != NULL;
       item = gtk_widget_get_next_sibling (item))
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (item)))
      g_ptr_array_add (names, g_object_get_data (G_OBJECT (item), NAME_DATA));
  g_ptr_array_add (names, NULL);
  /* Translators: the separator between chosen sectors or stances, as in "Government, Industry" */
  return g_strjoinv (_(", "), (char **) names->pdata);
}

/* The button's label and its name for screen readers, which GTK 4.8
 * reads from the inner toggle button that takes the focus. */
static void
update_label (SpCompareFilterBar *self,
              Kind                kind)
{
  Choice *choice = &self->choices[kind];
  g_autofree char *text = describe_choice (kind, choice);
  /* Translators: a filter button's name: "Filter by sector: Government, Industry" */
  g_autofree char *accessible = g_strdup_printf (_("%s: %s"), kind_name (kind), text);

  gtk_label_set_label (choice->label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (choice->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (choice->button)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                      -1);
}

static void
set_all_items (Choice   *choice,
               gboolean  active)
{
  for (GtkWidget *item = gtk_widget_get_first_child (GTK_WIDGET (choice->items)); item != NULL;
       item = gtk_widget_get_next_sibling (item))
    gtk_check_button_set_active (GTK_CHECK_BUTTON (item), active);
}

static Kind
kind_of_check (SpCompareFilterBar *self,
               GtkCheckButton     *check)
{
  for (Kind kind = 0; kind < N_KINDS; kind++)
    if (check == self->choices[kind].all ||
        gtk_widget_get_parent (GTK_WIDGET (check)) == GTK_WIDGET (self->choices[kind].items))
      return kind;
  g_assert_not_reached ();
}

static void
toggled_cb (GtkCheckButton     *check,
            SpCompareFilterBar *self)
{
  Kind kind;
  Choice *choice;

  if (self->updating > 0)
    return;

  kind = kind_of_check (self, check);
  choice = &self->choices[kind];
  self->updating++;
  if (check == choice->all && gtk_check_button_get_active (check))
    set_all_items (choice, FALSE);
  else if (check != choice->all && gtk_check_button_get_active (check))
    gtk_check_button_set_active (choice->all, FALSE);
  /* Nothing chosen means everything: "All" says so */
  if (count_chosen (choice) == 0)
    gtk_check_button_set_active (choice->all, TRUE);
  self->updating--;

  update_label (self, kind);
  g_signal_emit (self, signals[CHANGED], 0);
}

static GtkWidget *
item_new (SpCompareFilterBar *self,
          const char         *key,
          const char         *name,
          gboolean            active)
{
  GtkWidget *label = gtk_label_new (name);
  GtkWidget *item = gtk_check_button_new ();

  /* Document titles run long: wrap them rather than widen the popover */
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_check_button_set_child (GTK_CHECK_BUTTON (item), label);
  /* A custom child is not the button's name for screen readers */
  gtk_accessible_update_property (GTK_ACCESSIBLE (item),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (item), active);
  g_object_set_data_full (G_OBJECT (item), KEY_DATA, g_strdup (key), g_free);
  g_object_set_data_full (G_OBJECT (item), NAME_DATA, g_strdup (name), g_free);
  g_signal_connect (item, "toggled", G_CALLBACK (toggled_cb), self);
  return item;
}

/* Replaces the choices of @kind by @keys named @names (arrays of strings
 * of the same length), keeping those chosen that are still there.
 * Returns whether a chosen one vanished. */
static gboolean
set_items (SpCompareFilterBar *self,
           Kind                kind,
           GPtrArray          *keys,
           GPtrArray          *names)
{
  Choice *choice = &self->choices[kind];
  g_autoptr(GHashTable) chosen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_kept = 0;
  GtkWidget *item;

  while ((item = gtk_widget_get_first_child (GTK_WIDGET (choice->items))) != NULL)
    {
      if (gtk_check_button_get_active (GTK_CHECK_BUTTON (item)))
        g_hash_table_add (chosen, g_strdup (item_key (item)));
      gtk_box_remove (choice->items, item);
    }

  self->updating++;
  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = g_ptr_array_index (keys, i);
      gboolean active = g_hash_table_contains (chosen, key);

      n_kept += active;
      gtk_box_append (choice->items, item_new (self, key, g_ptr_array_index (names, i), active));
    }
  gtk_check_button_set_active (choice->all, n_kept == 0);
  self->updating--;
  update_label (self, kind);
  return n_kept < g_hash_table_size (chosen);
}

static void
sp_compare_filter_bar_dispose (GObject *object)
{
  SpCompareFilterBar *self = SP_COMPARE_FILTER_BAR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_COMPARE_FILTER_BAR);

  G_OBJECT_CLASS (sp_compare_filter_bar_parent_class)->dispose (object);
}

static void
sp_compare_filter_bar_class_init (SpCompareFilterBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const char *prefixes[N_KINDS] = { "documents", "sectors", "stances" };

  object_class->dispose = sp_compare_filter_bar_dispose;

  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE);
  gtk_widget_class_bind_template_child (widget_class, SpCompareFilterBar, box);
  for (Kind kind = 0; kind < N_KINDS; kind++)
    {
      g_autofree char *button = g_strconcat (prefixes[kind], "_button", NULL);
      g_autofree char *label = g_strconcat (prefixes[kind], "_label", NULL);
      g_autofree char *all = g_strconcat (prefixes[kind], "_all", NULL);
      g_autofree char *items = g_strconcat (prefixes[kind], "_items", NULL);
      gssize offset = G_STRUCT_OFFSET (SpCompareFilterBar, choices) + kind * sizeof (Choice);

      gtk_widget_class_bind_template_child_full (widget_class, button, FALSE,
                                                 offset + G_STRUCT_OFFSET (Choice, button));
      gtk_widget_class_bind_template_child_full (widget_class, label, FALSE,
                                                 offset + G_STRUCT_OFFSET (Choice, label));
      gtk_widget_class_bind_template_child_full (widget_class, all, FALSE,
                                                 offset + G_STRUCT_OFFSET (Choice, all));
      gtk_widget_class_bind_template_child_full (widget_class, items, FALSE,
                                                 offset + G_STRUCT_OFFSET (Choice, items));
    }
}

static void
sp_compare_filter_bar_init (SpCompareFilterBar *self)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  for (Kind kind = 0; kind < N_KINDS; kind++)
    g_signal_connect (self->choices[kind].all, "toggled", G_CALLBACK (toggled_cb), self);

  /* The stances are always the same; "No stance" picks untagged passages */
  for (SpStance stance = SP_STANCE_SUPPORTS; stance < SP_N_STANCES; stance++)
    {
      g_ptr_array_add (keys, g_strdup_printf ("%d", stance));
      g_ptr_array_add (names, (gpointer) sp_stance_get_label (stance));
    }
  g_ptr_array_add (keys, g_strdup_printf ("%d", SP_STANCE_NONE));
  g_ptr_array_add (names, _("No stance"));
  set_items (self, SP_COMPARE_FILTER_STANCES, keys, names);
  sp_compare_filter_bar_reload (self, NULL);
}

GtkWidget *
sp_compare_filter_bar_new (void)
{
  return g_object_new (SP_TYPE_COMPARE_FILTER_BAR, NULL);
}

static gboolean
reload_documents (SpCompareFilterBar *self,
                  SpProject          *project)
{
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  if (project != NULL)
    documents = sp_project_list_documents (project, NULL);
  for (guint i = 0; documents != NULL && i < documents->len; i++)
    {
      SpDocumentInfo *document = g_ptr_array_index (documents, i);

      g_ptr_array_add (keys, g_strdup_printf ("%lld", (long long) document->id));
      g_ptr_array_add (names, document->title);
    }
  return set_items (self, SP_COMPARE_FILTER_DOCUMENTS, keys, names);
}

static gboolean
contains_casefold (GPtrArray  *strings,
                   const char *string)
{
  g_autofree char *folded = g_utf8_casefold (string, -1);

  for (guint i = 0; i < strings->len; i++)
    {
      g_autofree char *other = g_utf8_casefold (g_ptr_array_index (strings, i), -1);

      if (g_strcmp0 (folded, other) == 0)
        return TRUE;
    }
  return FALSE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
reload_sectors (SpCompareFilterBar *self,
                SpProject          *project)
{
  g_autoptr(GPtrArray) stakeholders = NULL;
  g_autoptr(GPtrArray) sectors = g_ptr_array_new_with_free_func (g_free);

  if (project != NULL)
    stakeholders = sp_project_list_stakeholders (project, NULL);
  for (guint i = 0; stakeholders != NULL && i < stakeholders->len; i++)
    {
      SpStakeholderInfo *stakeholder = g_ptr_array_index (stakeholders, i);

      /* The filter matches sectors in any case: one choice per sector */
      if (stakeholder->sector != NULL && stakeholder->sector[0] != '\0' &&
          !contains_casefold (sectors, stakeholder->sector))
        g_ptr_array_add (sectors, g_strdup (stakeholder->sector));
    }
  g_ptr_array_sort (sectors, compare_strings);
  /* A sector is its own key and name */
  return set_items (self, SP_COMPARE_FILTER_SECTORS, sectors, sectors);
}

void
sp_compare_filter_bar_reload (SpCompareFilterBar *self,
                              SpProject          *project)
{
  gboolean lost;

  g_return_if_fail (SP_IS_COMPARE_FILTER_BAR (self));

  lost = reload_documents (self, project);
  lost |= reload_sectors (self, project);
  if (lost)
    g_signal_emit (self, signals[CHANGED], 0);
}

SpCompareFilter *
sp_compare_filter_bar_dup_filter (SpCompareFilterBar *self)
{
  SpCompareFilter *filter = sp_compare_filter_new ();
  g_autoptr(GStrvBuilder) sectors = g_strv_builder_new ();
  guint n_sectors = 0;

  for (GtkWidget *item = gtk_widget_get_first_child (GTK_WIDGET (self->choices[SP_COMPARE_FILTER_DOCUMENTS].items));
       item != NULL; item = gtk_widget_get_next_sibling (item))
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (item)))
      {
        gint64 id = g_ascii_strtoll (item_key (item), NULL, 10);

        if (filter->document_ids == NULL)
          filter->document_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
        g_array_append_val (filter->document_ids, id);
      }

  for (GtkWidget *item = gtk_widget_get_first_child (GTK_WIDGET (self->choices[SP_COMPARE_FILTER_SECTORS].items));
       item != NULL; item = gtk_widget_get_next_sibling (item))
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (item)))
      {
        g_strv_builder_add (sectors, item_key (item));
        n_sectors++;
      }
  if (n_sectors > 0)
    {
      g_strfreev (filter->sectors);
      filter->sectors = g_strv_builder_end (sectors);
    }

  for (GtkWidget *item = gtk_widget_get_first_child (GTK_WIDGET (self->choices[SP_COMPARE_FILTER_STANCES].items));
       item != NULL; item = gtk_widget_get_next_sibling (item))
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (item)))
      filter->stances |= 1u << atoi (item_key (item));
  return filter;
}

static GtkCheckButton *
find_item (SpCompareFilterBar  *self,
           SpCompareFilterKind  kind,
           const char          *key)
{
  for (GtkWidget *item = gtk_widget_get_first_child (GTK_WIDGET (self->choices[kind].items));
       item != NULL; item = gtk_widget_get_next_sibling (item))
    if (g_strcmp0 (item_key (item), key) == 0)
      return GTK_CHECK_BUTTON (item);
  return NULL;
}

/* Chooses exactly the item of @kind keyed @key (NULL or not there: all),
 * with one ::changed. */
static void
choose_only (SpCompareFilterBar  *self,
             SpCompareFilterKind  kind,
             const char          *key)
{
  Choice *choice = &self->choices[kind];
  GtkCheckButton *item = key != NULL ? find_item (self, kind, key) : NULL;

  self->updating++;
  set_all_items (choice, FALSE);
  if (item != NULL)
    gtk_check_button_set_active (item, TRUE);
  gtk_check_button_set_active (choice->all, item == NULL);
  self->updating--;
  update_label (self, kind);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* As the analyst toggling the item's check button: ::changed follows */
static void
set_chosen (SpCompareFilterBar  *self,
            SpCompareFilterKind  kind,
            const char          *key,
            gboolean             chosen)
{
  GtkCheckButton *item = find_item (self, kind, key);

  g_return_if_fail (item != NULL);
  gtk_check_button_set_active (item, chosen);
}

void
sp_compare_filter_bar_select_document (SpCompareFilterBar *self,
                                       gint64              document_id)
{
  g_autofree char *key = NULL;

  g_return_if_fail (SP_IS_COMPARE_FILTER_BAR (self));

  if (document_id != 0)
    key = g_strdup_printf ("%lld", (long long) document_id);
  choose_only (self, SP_COMPARE_FILTER_DOCUMENTS, key);
}

void
sp_compare_filter_bar_select_stance (SpCompareFilterBar *self,
                                     SpStance            stance)
{
  g_autofree char *key = NULL;

  g_return_if_fail (SP_IS_COMPARE_FILTER_BAR (self));
  g_return_if_fail ((guint) stance < SP_N_STANCES);

  if (stance != SP_STANCE_NONE)
    key = g_strdup_printf ("%d", stance);
  choose_only (self, SP_COMPARE_FILTER_STANCES, key);
}

void
sp_compare_filter_bar_set_document_chosen (SpCompareFilterBar *self,
                                           gint64              document_id,
                                           gboolean            chosen)
{
  g_autofree char *key = g_strdup_printf ("%lld", (long long) document_id);

  g_return_if_fail (SP_IS_COMPARE_FILTER_BAR (self));
  set_chosen (self, SP_COMPARE_FILTER_DOCUMENTS, key, chosen);
}

void
sp_compare_filter_bar_set_sector_chosen (SpCompareFilterBar *self,
                                         const char         *sector,
                                         gboolean            chosen)
{
  g_return_if_fail (SP_IS_COMPARE_FILTER_BAR (self));
  g_return_if_fail (sector != NULL);
  set_chosen (self, SP_COMPARE_FILTER_SECTORS, sector, chosen);
}

void
sp_compare_filter_bar_set_stance_chosen (SpCompareFilterBar *self,
                                         SpStance            stance,
                                         gboolean            chosen)
{
  g_autofree char *key = g_strdup_printf ("%d", stance);

  g_return_if_fail (SP_IS_COMPARE_FILTER_BAR (self));
  g_return_if_fail ((guint) stance < SP_N_STANCES);
  set_chosen (self, SP_COMPARE_FILTER_STANCES, key, chosen);
}

const char *
sp_compare_filter_bar_get_label (SpCompareFilterBar  *self,
                                 SpCompareFilterKind  kind)
{
  g_return_val_if_fail (SP_IS_COMPARE_FILTER_BAR (self), NULL);
  g_return_val_if_fail ((guint) kind < N_KINDS, NULL);

  return gtk_label_get_label (self->choices[kind].label);
}

GtkMenuButton *
sp_compare_filter_bar_get_button (SpCompareFilterBar  *self,
                                  SpCompareFilterKind  kind)
{
  g_return_val_if_fail (SP_IS_COMPARE_FILTER_BAR (self), NULL);
  g_return_val_if_fail ((guint) kind < N_KINDS, NULL);

  return self->choices[kind].button;
}
