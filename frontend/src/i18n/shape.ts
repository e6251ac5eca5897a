/** The shape of a message tree: the same keys, any text (what English must match). */
export type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> }
