/** The courier service's permissions as the console shows or hides its pages (services/courier/permissions.py). */

export const COURIER_PERM = {
  visitsRead: 'courier:visits:read',
  visitsHandle: 'courier:visits:handle',
  suppliesRead: 'courier:supplies:read',
  suppliesManage: 'courier:supplies:manage',
  suppliesDispense: 'courier:supplies:dispense',
  activitiesManage: 'courier:activities:manage',
  hoursConfirm: 'courier:volunteering:confirm',
  recognitionPublish: 'courier:recognition:publish',
  // The statistics are read with the visits (services/courier/statistics.py's PERM_READ).
  statisticsRead: 'courier:visits:read',
  reveal: 'identity:personal:reveal',
} as const

/** Any of these shows the warm station's desk. */
export const COURIER_PERMS: readonly string[] = [
  COURIER_PERM.visitsRead,
  COURIER_PERM.suppliesRead,
  COURIER_PERM.activitiesManage,
  COURIER_PERM.hoursConfirm,
]
