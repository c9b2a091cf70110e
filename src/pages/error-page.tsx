/** A page for a person who followed a bad link: what went wrong and where to go. */
import type { Context } from 'hono';
import type { Problem } from '../problem';
import { Layout } from './layout';

export function ErrorPage(props: { title: string; detail: string; back?: Problem['back'] }) {
  return (
    <Layout title={props.title}>
      <h1>{props.title}</h1>
      <p>{props.detail}</p>
      {props.back && (
        <p>
          <a href={props.back.href}>{props.back.text}</a>
        </p>
      )}
      <p>
        <a href="/">See the reports served here</a>
      </p>
    </Layout>
  );
}

/** Answers a person (not a program) with an HTML page for a problem, keeping its status. */
export function respondWithErrorPage(c: Context, problem: Problem): Response | Promise<Response> {
  c.header('Cache-Control', 'no-store');
  return c.html(<ErrorPage title={problem.title} detail={problem.detail} back={problem.back} />, problem.status);
}
