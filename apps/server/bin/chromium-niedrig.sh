#!/bin/sh
# Chromium (the one in ASSKOMM_CHROMIUM) at the lowest CPU priority: every process it starts
# inherits the scheduling class SCHED_IDLE, so a report being rendered gets only the CPU time that
# live pushes and API answers leave over. (A nice value would not do: Chromium sets its own, and as
# root it may raise them.) Started by src/bericht/renderer.ts where `chrt` exists (util-linux).
exec chrt --idle 0 "$ASSKOMM_CHROMIUM" "$@"
