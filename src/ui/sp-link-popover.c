/* sp-link-popover.c
 *
 * One button per kind of link, built from the core's kind labels so that
 * the popover and the command line never disagree on the wording; a bare
 * key chooses a kind (the popover has no text entry to type into).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-link-popover.h"

/* How much of each passage the popover quotes */
#define QUOTE_MAX_CHARS 48

struct _SpLinkPopover
{
  GtkPopover      parent_instance;

  GtkLabel       *direction_label;
  GtkCheckButton *swap_button;
  GtkBox         *kinds_box;
  GtkWidget      *default_button;

  char           *here;
  char           *there;
};

enum {
  LINK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SpLinkPopover, sp_link_popover, GTK_TYPE_POPOVER)

/* The key that chooses each kind, in SpLinkKind order */
static const struct
{
  guint keyval;
  const char *key;
} kind_keys[] = {
  { GDK_KEY_p, "P" },
  { GDK_KEY_r, "R" },
  { GDK_KEY_c, "C" },
  { GDK_KEY_i, "I" },
};

G_STATIC_ASSERT (G_N_ELEMENTS (kind_keys) == SP_LINK_KIND_LAST + 1);

static char *
quote (const char *text)
{
  g_autofree char *flat = g_strdup (text != NULL ? text : "");

  g_strdelimit (g_strstrip (flat), "\n\t", ' ');
  if (g_utf8_strlen (flat, -1) > QUOTE_MAX_CHARS)
    {
      g_autofree char *head = g_utf8_substring (flat, 0, QUOTE_MAX_CHARS);

      return g_strdup_printf ("%s…", head);
    }

  return g_steal_pointer (&flat);
}

static void
update_direction (SpLinkPopover *self)
{
  g_autofree char *here = quote (self->here);
  g_autofree char *there = quote (self->there);
  g_autofree char *text = NULL;
  gboolean swapped = gtk_check_button_get_active (self->swap_button);

  /* Translators: the direction of a new link, from its source passage to
   * its target: From “<quote>” to “<quote>” */
  text = g_strdup_printf (_("From “%s” to “%s”"), swapped ? there : here, swapped ? here : there);
  gtk_label_set_label (self->direction_label, text);
}

void
sp_link_popover_choose (SpLinkPopover *self,
                        SpLinkKind     kind)
{
  g_return_if_fail (SP_IS_LINK_POPOVER (self));
  g_return_if_fail (kind <= SP_LINK_KIND_LAST);

  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[LINK], 0, (int) kind);
}

static void
kind_clicked_cb (GtkButton     *button,
                 SpLinkPopover *self)
{
  sp_link_popover_choose (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "sp-link-kind")));
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                SpLinkPopover         *self)
{
  guint lower = gdk_keyval_to_lower (keyval);

  if ((state & gtk_accelerator_get_default_mod_mask () & ~GDK_SHIFT_MASK) != 0)
    return GDK_EVENT_PROPAGATE;

  for (guint i = 0; i < G_N_ELEMENTS (kind_keys); i++)
    if (lower == kind_keys[i].keyval || keyval == GDK_KEY_1 + i)
      {
        sp_link_popover_choose (self, (SpLinkKind) i);
        return GDK_EVENT_STOP;
      }

  if (lower == GDK_KEY_s)
    {
      sp_link_popover_set_swapped (self, !sp_link_popover_get_swapped (self));
      return GDK_EVENT_STOP;
    }

  /* Enter on a kind's button takes that kind, anywhere else the default */
  if (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

      if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->kinds_box)))
        return GDK_EVENT_PROPAGATE;

      sp_link_popover_choose (self, SP_LINK_PARAPHRASES);
      return GDK_EVENT_STOP;
    }

  return GDK_EVENT_PROPAGATE;
}

static void
add_kind_buttons (SpLinkPopover *self)
{
  for (guint i = 0; i <= SP_LINK_KIND_LAST; i++)
    {
      GtkWidget *button = gtk_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *label = gtk_label_new (sp_link_kind_get_label (i));
      GtkWidget *key = gtk_label_new (kind_keys[i].key);
      /* Translators: a kind of link and the key that chooses it, for
       * screen readers: "Paraphrases (P)" */
      g_autofree char *name = g_strdup_printf (_("%s (%s)"), sp_link_kind_get_label (i), kind_keys[i].key);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_add_css_class (key, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), key);
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);
      g_object_set_data (G_OBJECT (button), "sp-link-kind", GINT_TO_POINTER (i));
      g_signal_connect_object (button, "clicked", G_CALLBACK (kind_clicked_cb), self, 0);
      gtk_box_append (self->kinds_box, button);

      if (i == SP_LINK_PARAPHRASES)
        {
          gtk_widget_add_css_class (button, "suggested-action");
          self->default_button = button;
        }
    }
}

void
sp_link_popover_setup (SpLinkPopover *self,
                       const char    *here,
                       const char    *there)
{
  g_return_if_fail (SP_IS_LINK_POPOVER (self));

  g_free (self->here);
  self->here = g_strdup (here);
  g_free (self->there);
  self->there = g_strdup (there);
  gtk_check_button_set_active (self->swap_button, FALSE);
  update_direction (self);
}

gboolean
sp_link_popover_get_swapped (SpLinkPopover *self)
{
  g_return_val_if_fail (SP_IS_LINK_POPOVER (self), FALSE);

  return gtk_check_button_get_active (self->swap_button);
}

void
sp_link_popover_set_swapped (SpLinkPopover *self,
                             gboolean       swapped)
{
  g_return_if_fail (SP_IS_LINK_POPOVER (self));

  gtk_check_button_set_active (self->swap_button, swapped);
}

static void
sp_link_popover_show (GtkWidget *widget)
{
  SpLinkPopover *self = SP_LINK_POPOVER (widget);

  GTK_WIDGET_CLASS (sp_link_popover_parent_class)->show (widget);

  /* Enter takes the default kind */
  gtk_widget_grab_focus (self->default_button);
}

static void
sp_link_popover_finalize (GObject *object)
{
  SpLinkPopover *self = SP_LINK_POPOVER (object);

  g_free (self->here);
  g_free (self->there);

  G_OBJECT_CLASS (sp_link_popover_parent_class)->finalize (object);
}

static void
sp_link_popover_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SP_TYPE_LINK_POPOVER);

  G_OBJECT_CLASS (sp_link_popover_parent_class)->dispose (object);
}

static void
sp_link_popover_class_init (SpLinkPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_link_popover_dispose;
  object_class->finalize = sp_link_popover_finalize;
  widget_class->show = sp_link_popover_show;

  signals[LINK] =
    g_signal_new ("link",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/standpoint/Standpoint/sp-link-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, SpLinkPopover, direction_label);
  gtk_widget_class_bind_template_child (widget_class, SpLinkPopover, swap_button);
  gtk_widget_class_bind_template_child (widget_class, SpLinkPopover, kinds_box);
  gtk_widget_class_bind_template_callback (widget_class, update_direction);
}

static void
sp_link_popover_init (SpLinkPopover *self)
{
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));
  add_kind_buttons (self);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

GtkWidget *
sp_link_popover_new (void)
{
  return g_object_new (SP_TYPE_LINK_POPOVER, NULL);
}
