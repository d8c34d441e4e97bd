"""Run the fake Segmind / OpenAI-compatible server in the foreground: `python -m tests.fakes`."""

from __future__ import annotations

import argparse
import time

from tests.fakes.server import FakeServer


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.fakes", description=__doc__)
    parser.add_argument("--port", type=int, default=8765, help="0 picks a free port")
    parser.add_argument(
        "--reasoning-style", choices=["field", "reasoning", "think", "bare"], default="field"
    )
    parser.add_argument(
        "--chunk-delay", type=float, default=0.05, help="seconds between SSE events"
    )
    parser.add_argument("--credits", type=float, default=10.0)
    parser.add_argument("--quiet", action="store_true", help="do not log each request")
    args = parser.parse_args()

    server = FakeServer(port=args.port)
    server.reasoning_style = args.reasoning_style
    server.chunk_delay = args.chunk_delay
    server.credits = args.credits
    server.verbose = not args.quiet
    server.start()
    print(f"Segmind base URL:           {server.base_url}")
    print(f"OpenAI-compatible base URL: {server.openai_base_url}")
    print("API key:                    test-key")
    print(f"Try:  r1desk --api-base {server.base_url}")
    print("Chat triggers: !status N, !html N, !slow S, !drop, !garbage, !credits X, !echo TEXT.")
    print("Ctrl+C stops.")
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        print("stopping")
    finally:
        server.stop()


if __name__ == "__main__":
    main()
