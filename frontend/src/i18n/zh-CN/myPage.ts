// The resident's 我的 page (pages/resident/): one section per thing the services keep.

export default {
  myPage: {
    title: '我的',
    entry: '我的',
    signInLead: '用手机号登录后，可以看到你在各项服务里的记录。',
    volunteering: {
      title: '志愿时长',
      total: '累计 {n} 小时',
      lead: '已确认的志愿服务时长，来自暖心驿站等服务。',
      none: '还没有志愿记录。',
      missing: '有的服务暂时没有回应，时长可能不全。',
      confirmed: '已确认',
      planned: '待确认',
    },
    messages: {
      title: '消息',
      none: '还没有收到消息。',
      delivered: '已发送',
      notDelivered: '未能送达',
    },
  },
} as const
