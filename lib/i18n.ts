import { browser } from 'wxt/browser';
import type zh from '../public/_locales/zh_CN/messages.json';

export type MessageKey = keyof typeof zh;

/** A UI string in the browser's language (zh-CN by default, English available). */
export function t(key: MessageKey, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}
