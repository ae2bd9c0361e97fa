/* concord-stage-path.h — the path of a case across the top of the case
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "concord-stage.h"
#include "concord-types.h"

G_BEGIN_DECLS

typedef enum
{
  CONCORD_STEP_DONE,            /* passed: a check mark */
  CONCORD_STEP_CURRENT,         /* where the case is: highlighted */
  CONCORD_STEP_LATER,           /* still ahead: dim */
  CONCORD_STEP_EXIT,            /* a side exit (not accepted, failed, withdrawn): error style */
} ConcordStepState;

typedef struct
{
  ConcordStage     stage;
  ConcordStepState state;
} ConcordStagePathStep;

/* The main path has nine stages; a side exit adds one after where the case
 * left the path. */
#define CONCORD_STAGE_PATH_MAX_STEPS 10

/* What the path shows for a case at @stage, as plain values (tested without
 * a screen). @left_from is the main-path stage a side exit left from, or -1
 * when it is not known (not accepted: received; failed: face-to-face;
 * withdrawn: received). Fills @steps and returns how many there are. */
guint concord_stage_path_compute (ConcordStage         stage,
                                  int                  left_from,
                                  ConcordStagePathStep steps[CONCORD_STAGE_PATH_MAX_STEPS]);
/* The same for a case that may have left the path at @exit_stage (a side exit,
 * or -1) and been closed since: then the path shows the exit after
 * @left_from and "closed" after the exit. */
guint concord_stage_path_compute_exit (ConcordStage         stage,
                                       int                  left_from,
                                       int                  exit_stage,
                                       ConcordStagePathStep steps[CONCORD_STAGE_PATH_MAX_STEPS]);
/* From the recorded moves of a case (ConcordStageMove, oldest first): the
 * side exit the case last took (-1: none) and the stage it left from (-1
 * when not recorded). */
void  concord_stage_path_find_exit (GPtrArray *moves,
                                    int       *left_from,
                                    int       *exit_stage);

#define CONCORD_TYPE_STAGE_PATH (concord_stage_path_get_type ())
G_DECLARE_FINAL_TYPE (ConcordStagePath, concord_stage_path, CONCORD, STAGE_PATH, GtkWidget)

/* Properties: "stage" (int, ConcordStage), "left-from" (int, -1 unknown). */
GtkWidget    *concord_stage_path_new (void);
void          concord_stage_path_set_stage (ConcordStagePath *self,
                                            ConcordStage      stage,
                                            int               left_from);
/* As set_stage(), for a case closed after the side exit @exit_stage (-1: none). */
void          concord_stage_path_set_path (ConcordStagePath *self,
                                           ConcordStage      stage,
                                           int               left_from,
                                           int               exit_stage);
ConcordStage  concord_stage_path_get_stage (ConcordStagePath *self);

G_END_DECLS
