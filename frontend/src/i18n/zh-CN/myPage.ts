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
    myReports: '我的反馈',
    myReportsHint: '查看我反映的问题和办理进度',
    deleteAccount: {
      button: '注销账号',
      title: '注销账号',
      message:
        '注销后将删除：你的手机号、姓名、微信绑定、家庭成员登记和孩子信息；所有登录将失效。你反映的问题会保留（不再显示你的姓名和电话），驿站的到访次数和志愿时长只作为统计数字保留。此操作不能撤销。',
      confirm: '确认注销',
      done: '账号已注销',
    },
  },
  actingBanner: {
    text: '正在代「{name}」办理 · {reason}',
    end: '结束代办',
  },
} as const
