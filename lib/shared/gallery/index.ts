import { type GalleryEntry, galleryEntrySchema } from './entry';
import asana from './entries/asana.json';
import cloudflare from './entries/cloudflare.json';
import digitalocean from './entries/digitalocean.json';
import figma from './entries/figma.json';
import github from './entries/github.json';
import gitlab from './entries/gitlab.json';
import heroku from './entries/heroku.json';
import huggingface from './entries/huggingface.json';
import jira from './entries/jira.json';
import linear from './entries/linear.json';
import netlify from './entries/netlify.json';
import notion from './entries/notion.json';
import okta from './entries/okta.json';
import pagerduty from './entries/pagerduty.json';
import slack from './entries/slack.json';
import twilio from './entries/twilio.json';
import vercel from './entries/vercel.json';

// Alphabetical: the order the Provider list shows them in.
const ENTRIES: unknown[] = [
  asana,
  cloudflare,
  digitalocean,
  figma,
  github,
  gitlab,
  heroku,
  huggingface,
  jira,
  linear,
  netlify,
  notion,
  okta,
  pagerduty,
  slack,
  twilio,
  vercel,
];

/**
 * Every gallery entry, checked: the options page loads this module only when the add-account
 * form is open, and a damaged entry is a bug caught by the tests, never shown.
 */
export function galleryEntries(): GalleryEntry[] {
  return ENTRIES.map((entry) => galleryEntrySchema.parse(entry));
}
