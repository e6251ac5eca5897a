/**
 * What needs doing, across services: every built service answers `GET /v1/todo` with its
 * counts for the caller (services/kit/todo.py), each with a label in both languages and a
 * console link with its filters. The home page asks them all at once; one that fails or
 * has nothing to count is left out, the others stand.
 */

import { http, staff } from '../api/http'
import { SERVICES } from '../services'

export interface TodoItem {
  key: string
  label: { 'zh-CN': string; en: string }
  count: number
  link: string
}

export interface ServiceTodo {
  service: string
  items: TodoItem[]
}

/** Built services that can have something to do (directory and identity answer [] for now). */
export function todoServices(services: readonly { name: string; built: boolean }[] = SERVICES): string[] {
  return services.filter((s) => s.built).map((s) => s.name)
}

export async function loadTodo(services: readonly string[] = todoServices()): Promise<ServiceTodo[]> {
  const answers = await Promise.allSettled(
    services.map((service) => http.get<{ items: TodoItem[] }>(`/${service}/v1/todo`, staff)),
  )
  const found: ServiceTodo[] = []
  answers.forEach((answer, index) => {
    if (answer.status === 'fulfilled' && answer.value.items.length) {
      found.push({ service: services[index]!, items: answer.value.items })
    }
  })
  return found
}
