/** The Worker: report-edge's Hono app, served by the Workers runtime. */
import { createApp } from './app';

export default createApp();
