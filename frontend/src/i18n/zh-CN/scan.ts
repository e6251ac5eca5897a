// The scanned code and the building hub (pages/scan).

import { hubMessages } from '../../services'

export default {
  scan: {
    title: '扫码服务',
    opening: '正在打开…',
    whereYouAre: '您所在的位置',
    office: '社区办公室',
    callOffice: '拨打社区电话',
    noPhone: '请联系您所在社区的居委会。',
    services: '您可以办理',
    comingSoonTag: '即将上线',
  },
  // The hub's tiles: services.toml (hub.<key>, hub.<key>Hint).
  hub: hubMessages('zh-CN'),
  soon: {
    title: '即将上线',
    heading: '“{feature}”即将上线',
    body: '这项服务还在建设中，很快就能使用。现在有事，请直接打电话给社区办公室。',
    backToHub: '返回本楼首页',
    console: '这个功能还在建设中，即将上线。',
  },
  place: {
    comingHeading: '{place}',
    comingBody: '这里的{kind}服务页面还在建设中，即将上线。',
  },
  codeProblem: {
    title: '二维码无法使用',
    notFoundHeading: '没有找到这个二维码',
    notFoundBody: '这个二维码可能贴错了或已经损坏。请打电话告诉社区办公室，我们会尽快更换。',
    revokedHeading: '这个二维码已经停用',
    revokedBody: '这张二维码已作废，新的二维码会贴在原来的位置。有事请联系{community}。',
    revokedBodyNoCommunity: '这张二维码已作废，新的二维码会贴在原来的位置。有事请联系社区办公室。',
    malformedHeading: '二维码链接不完整',
    malformedBody: '请重新扫描门上的二维码。如果还是打不开，请联系社区办公室。',
    otherHeading: '暂时打不开',
    whatToDo: '您可以',
    rescan: '重新扫描门上的二维码',
  },
  resident: {
    signInTitle: '手机号登录',
    signInLead: '验证手机号后，您在这台手机上报的事会记在这个手机号下。手机号只用于登录和联系您，不会公开。',
    phone: '手机号',
    phonePlaceholder: '请输入 11 位手机号',
    phoneInvalid: '请输入正确的 11 位手机号',
    code: '验证码',
    codePlaceholder: '6 位验证码',
    codeInvalid: '验证码是 6 位数字',
    sendCode: '获取验证码',
    resendIn: '{s} 秒后可重发',
    codeSent: '验证码已发送，请查看短信',
    signIn: '登录',
    signedInAs: '已登录：{phone}',
    signOut: '退出登录',
  },
} as const
