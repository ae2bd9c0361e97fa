/* concord-stage-path.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "concord-stage-path"

#include "config.h"

#include <glib/gi18n.h>

#include "concord-stage-path.h"

struct _ConcordStagePath
{
  GtkWidget    parent_instance;

  ConcordStage stage;
  int          left_from;
  int          exit_stage;
};

enum {
  PROP_0,
  PROP_STAGE,
  PROP_LEFT_FROM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (ConcordStagePath, concord_stage_path, GTK_TYPE_WIDGET)

static const ConcordStage main_path[] = {
  CONCORD_STAGE_RECEIVED,
  CONCORD_STAGE_ACCEPTED,
  CONCORD_STAGE_BACK_TO_BACK,
  CONCORD_STAGE_FACE_TO_FACE,
  CONCORD_STAGE_DRAFTING,
  CONCORD_STAGE_REVIEW,
  CONCORD_STAGE_SIGNING,
  CONCORD_STAGE_FOLLOW_UP,
  CONCORD_STAGE_CLOSED,
};

G_STATIC_ASSERT (G_N_ELEMENTS (main_path) < CONCORD_STAGE_PATH_MAX_STEPS);

static gboolean
is_side_exit (ConcordStage stage)
{
  return stage == CONCORD_STAGE_NOT_ACCEPTED ||
         stage == CONCORD_STAGE_FAILED ||
         stage == CONCORD_STAGE_WITHDRAWN;
}

static guint
main_path_index (int stage)
{
  for (guint i = 0; i < G_N_ELEMENTS (main_path); i++)
    if ((int) main_path[i] == stage)
      return i;
  return G_MAXUINT;
}

guint
concord_stage_path_compute (ConcordStage         stage,
                            int                  left_from,
                            ConcordStagePathStep steps[CONCORD_STAGE_PATH_MAX_STEPS])
{
  return concord_stage_path_compute_exit (stage, left_from, -1, steps);
}

guint
concord_stage_path_compute_exit (ConcordStage         stage,
                                 int                  left_from,
                                 int                  exit_stage,
                                 ConcordStagePathStep steps[CONCORD_STAGE_PATH_MAX_STEPS])
{
  guint n = 0;

  g_return_val_if_fail (stage >= 0 && stage < CONCORD_N_STAGES, 0);
  g_return_val_if_fail (exit_stage == -1 || is_side_exit (exit_stage), 0);
  g_return_val_if_fail (steps != NULL, 0);

  /* Closed after a side exit: the exit stays on the path. */
  if (stage == CONCORD_STAGE_CLOSED && exit_stage != -1)
    {
      n = concord_stage_path_compute_exit (exit_stage, left_from, -1, steps);
      steps[n].stage = CONCORD_STAGE_CLOSED;
      steps[n].state = CONCORD_STEP_CURRENT;
      return n + 1;
    }

  if (is_side_exit (stage))
    {
      guint last = main_path_index (left_from);

      /* Where a case can leave the path when nothing tells us. */
      if (last == G_MAXUINT || main_path[last] == CONCORD_STAGE_CLOSED)
        {
          if (stage == CONCORD_STAGE_FAILED)
            last = main_path_index (CONCORD_STAGE_FACE_TO_FACE);
          else
            last = main_path_index (CONCORD_STAGE_RECEIVED);
        }

      for (guint i = 0; i <= last; i++)
        {
          steps[n].stage = main_path[i];
          steps[n].state = CONCORD_STEP_DONE;
          n++;
        }
      steps[n].stage = stage;
      steps[n].state = CONCORD_STEP_EXIT;
      n++;
      return n;
    }

  for (guint i = 0; i < G_N_ELEMENTS (main_path); i++)
    {
      steps[n].stage = main_path[i];
      if (main_path[i] < stage)
        steps[n].state = CONCORD_STEP_DONE;
      else if (main_path[i] == stage)
        steps[n].state = CONCORD_STEP_CURRENT;
      else
        steps[n].state = CONCORD_STEP_LATER;
      n++;
    }
  return n;
}

void
concord_stage_path_find_exit (GPtrArray *moves,
                              int       *left_from,
                              int       *exit_stage)
{
  g_return_if_fail (left_from != NULL && exit_stage != NULL);

  *left_from = -1;
  *exit_stage = -1;
  for (guint i = 0; moves != NULL && i < moves->len; i++)
    {
      const ConcordStageMove *move = g_ptr_array_index (moves, i);

      if (move->to_stage >= 0 && move->to_stage < CONCORD_N_STAGES && is_side_exit (move->to_stage))
        {
          *exit_stage = move->to_stage;
          *left_from = main_path_index (move->from_stage) != G_MAXUINT ? move->from_stage : -1;
        }
    }
}

static GtkWidget *
make_step (const ConcordStagePathStep *step,
           guint                       position,
           guint                       n_steps,
           gboolean                    next_reached)
{
  static const char *state_classes[] = { "done", "current", "later", "exit" };
  GtkWidget *box, *row, *line, *dot, *label, *icon;
  const char *name = concord_stage_label (step->stage);
  const char *state_text;
  g_autofree char *accessible = NULL;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (box, "step");
  gtk_widget_add_css_class (box, state_classes[step->state]);

  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_box_append (GTK_BOX (box), row);

  /* The connecting lines: the one before the first and after the last step
   * stay invisible so that every dot sits in the middle of its column. */
  line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (line, "line");
  gtk_widget_set_hexpand (line, TRUE);
  gtk_widget_set_valign (line, GTK_ALIGN_CENTER);
  if (position == 0)
    gtk_widget_set_opacity (line, 0);
  if (step->state != CONCORD_STEP_LATER)
    gtk_widget_add_css_class (line, "reached");
  gtk_box_append (GTK_BOX (row), line);

  dot = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (dot, "dot");
  gtk_widget_set_valign (dot, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (row), dot);

  switch (step->state)
    {
    case CONCORD_STEP_DONE:
      icon = gtk_image_new_from_icon_name ("object-select-symbolic");
      break;
    case CONCORD_STEP_EXIT:
      icon = gtk_image_new_from_icon_name ("window-close-symbolic");
      break;
    case CONCORD_STEP_CURRENT:
    case CONCORD_STEP_LATER:
    default:
      {
        g_autofree char *number = g_strdup_printf ("%u", position + 1);
        icon = gtk_label_new (number);
        gtk_widget_add_css_class (icon, "numeric");
      }
      break;
    }
  gtk_widget_set_hexpand (icon, TRUE);
  gtk_widget_set_halign (icon, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (dot), icon);
  /* The dot keeps its round size whatever the column's width. */
  gtk_widget_set_hexpand (dot, FALSE);

  line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (line, "line");
  gtk_widget_set_hexpand (line, TRUE);
  gtk_widget_set_valign (line, GTK_ALIGN_CENTER);
  if (position + 1 == n_steps)
    gtk_widget_set_opacity (line, 0);
  if (next_reached)
    gtk_widget_add_css_class (line, "reached");
  gtk_box_append (GTK_BOX (row), line);

  label = gtk_label_new (name);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  /* Whole words: a narrow window scrolls the path rather than break them. */
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 8);
  gtk_widget_set_halign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "name");
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (box), label);

  switch (step->state)
    {
    case CONCORD_STEP_DONE:
      /* Translators: state of a stage in the stage path, read by screen readers */
      state_text = _("done");
      break;
    case CONCORD_STEP_CURRENT:
      state_text = _("current stage");
      break;
    case CONCORD_STEP_EXIT:
      state_text = _("the case left the path here");
      break;
    case CONCORD_STEP_LATER:
    default:
      state_text = _("not reached");
      break;
    }
  /* Translators: "Accepted: done", for screen readers */
  accessible = g_strdup_printf (_("%s: %s"), name, state_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  gtk_widget_set_tooltip_text (box, accessible);

  return box;
}

static void
rebuild (ConcordStagePath *self)
{
  ConcordStagePathStep steps[CONCORD_STAGE_PATH_MAX_STEPS];
  GtkWidget *child;
  guint n;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  n = concord_stage_path_compute_exit (self->stage, self->left_from, self->exit_stage, steps);
  for (guint i = 0; i < n; i++)
    {
      gboolean next_reached = i + 1 < n && steps[i + 1].state != CONCORD_STEP_LATER;

      child = make_step (&steps[i], i, n, next_reached);
      gtk_widget_set_parent (child, GTK_WIDGET (self));
    }

  /* A short path that left the main one stays compact at the start
   * instead of spreading a few steps over the whole width. */
  if (is_side_exit (self->stage) || self->exit_stage != -1)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), "left-path");
      gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_START);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), "left-path");
      gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_FILL);
    }
}

static void
concord_stage_path_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (concord_stage_path_parent_class)->dispose (object);
}

static void
concord_stage_path_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ConcordStagePath *self = CONCORD_STAGE_PATH (object);

  switch (prop_id)
    {
    case PROP_STAGE:
      g_value_set_int (value, self->stage);
      break;
    case PROP_LEFT_FROM:
      g_value_set_int (value, self->left_from);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
concord_stage_path_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ConcordStagePath *self = CONCORD_STAGE_PATH (object);

  switch (prop_id)
    {
    case PROP_STAGE:
      concord_stage_path_set_stage (self, g_value_get_int (value), self->left_from);
      break;
    case PROP_LEFT_FROM:
      concord_stage_path_set_stage (self, self->stage, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
concord_stage_path_class_init (ConcordStagePathClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = concord_stage_path_dispose;
  object_class->get_property = concord_stage_path_get_property;
  object_class->set_property = concord_stage_path_set_property;

  properties[PROP_STAGE] =
    g_param_spec_int ("stage", NULL, NULL,
                      0, CONCORD_N_STAGES - 1, CONCORD_STAGE_RECEIVED,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LEFT_FROM] =
    g_param_spec_int ("left-from", NULL, NULL,
                      -1, CONCORD_N_STAGES - 1, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "stagepath");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
concord_stage_path_init (ConcordStagePath *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_box_layout_set_homogeneous (GTK_BOX_LAYOUT (layout), TRUE);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 4);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Stages of the case"),
                                  -1);
  self->stage = CONCORD_STAGE_RECEIVED;
  self->left_from = -1;
  self->exit_stage = -1;
  rebuild (self);
}

GtkWidget *
concord_stage_path_new (void)
{
  return g_object_new (CONCORD_TYPE_STAGE_PATH, NULL);
}

void
concord_stage_path_set_stage (ConcordStagePath *self,
                              ConcordStage      stage,
                              int               left_from)
{
  concord_stage_path_set_path (self, stage, left_from, -1);
}

void
concord_stage_path_set_path (ConcordStagePath *self,
                             ConcordStage      stage,
                             int               left_from,
                             int               exit_stage)
{
  g_return_if_fail (CONCORD_IS_STAGE_PATH (self));
  g_return_if_fail (stage >= 0 && stage < CONCORD_N_STAGES);
  g_return_if_fail (left_from >= -1 && left_from < CONCORD_N_STAGES);
  g_return_if_fail (exit_stage == -1 || is_side_exit (exit_stage));

  /* Only a closed case keeps the exit it took. */
  if (stage != CONCORD_STAGE_CLOSED)
    exit_stage = -1;
  if (self->stage == stage && self->left_from == left_from && self->exit_stage == exit_stage)
    return;
  self->exit_stage = exit_stage;

  g_object_freeze_notify (G_OBJECT (self));
  if (self->stage != stage)
    {
      self->stage = stage;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE]);
    }
  if (self->left_from != left_from)
    {
      self->left_from = left_from;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEFT_FROM]);
    }
  rebuild (self);
  g_object_thaw_notify (G_OBJECT (self));
}

ConcordStage
concord_stage_path_get_stage (ConcordStagePath *self)
{
  g_return_val_if_fail (CONCORD_IS_STAGE_PATH (self), CONCORD_STAGE_RECEIVED);
  return self->stage;
}
