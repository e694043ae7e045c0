// Package shopapi is a typed client for the WeChat Channels store (微信小店,
// formerly 视频号小店) shop API, implementing seed section 四 技术对接.
package shopapi
