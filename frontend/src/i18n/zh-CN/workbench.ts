// The console's newer words: the desk's frame (pages/console/DeskShell.vue) and what only it
// shows, the home page's "what needs doing". Not in the bundle every page (the resident's hub
// too) loads: the console merges them in when it opens (src/i18n/workbench.ts).

export default {
  workbench: {
    todo: {
      title: '待办事项',
      none: '暂无待办',
    },
    services: {
      identity: '账号与角色',
      directory: '地点',
      intake: '工单',
      rooms: '活动室',
      parking: '停车',
      courier: '暖心驿站',
    },
    dueToday: '今日到期',
    nav: {
      label: '功能导航',
      home: '工作台',
      tickets: '工单',
      stats: '统计',
      places: '地点与二维码',
      expand: '展开导航',
      collapse: '收起导航',
      groups: {
        work: '日常工作',
        services: '服务',
        admin: '管理',
        account: '账号',
      },
    },
    table: {
      number: '编号',
      category: '类别',
      place: '地点',
      received: '收到时间',
      due: '时限',
      status: '状态',
      assignee: '处理人',
    },
    unassigned: '未派单',
    shown: '已显示 {n} / {total} 条',
    more: '加载更多',
    exportFormat: '文件格式',
    exportGo: '导出',
    range: {
      custom: '自选时段',
      start: '开始日期',
      end: '结束日期',
      to: '至',
    },
  },
} as const
