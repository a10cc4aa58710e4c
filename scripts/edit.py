#!/usr/bin/env python3
"""网页编辑：在本机用浏览器里的表单编辑案例（Decap CMS），保存的文件直接写进 content/。"""

from __future__ import annotations

import argparse
import signal
import subprocess
import sys
from pathlib import Path
from types import FrameType

from shangliang.cms.install import DEFAULT_SERVER_PORT, DecapInstall, DecapMissing, npm_ci_command
from shangliang.cms.session import EditSession, PortBusy, SessionError
from shangliang.content.tree import SettingsError, SiteSettings

EXIT_OK, EXIT_PROBLEM, EXIT_USAGE = 0, 1, 2

DESCRIPTION = """\
启动网页编辑：同时运行 decap-server（把表单保存的内容写进本仓库的 content/ 文件夹）
和站点预览（mkdocs serve --dirty），然后在浏览器打开 http://127.0.0.1:8000/admin/
即可用中文表单新建和修改案例、品牌、区县和协商阵地。保存后预览会自动更新；
页面上方列出的问题和 scripts/check.py 报告的一样。

表单的下拉选项（区县、品牌、协商阵地、协商形式、进度）取自站点现有的内容和
mkdocs.yml；新建一页后，刷新表单页面就能选到它。保存只改动工作区里的文件，
不会提交：检查无误后照常用 Git 提交。

Decap CMS 和 decap-server 是 cms/package.json 锁定版本的 npm 包；还没安装时
本命令先运行 npm ci 安装（make edit 也会安装）。按 Ctrl+C 停止。

退出码：0 正常停止；1 出了问题（decap-server 或预览没能启动，或者意外退出）；
2 用法错误、mkdocs.yml 读不了、端口被占用或 Decap CMS 装不上。"""

EXAMPLE = "python scripts/edit.py --port 8001 --server-port 8082"


def arguments() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="edit.py", description=DESCRIPTION, epilog=f"示例：\n  {EXAMPLE}",
        formatter_class=argparse.RawDescriptionHelpFormatter, add_help=False,
    )  # fmt: skip
    parser.add_argument("-h", "--help", action="help", help="显示本说明后退出")
    parser.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"), metavar="文件",
                        help="站点配置（默认：当前文件夹的 mkdocs.yml）")  # fmt: skip
    parser.add_argument("--port", type=int, default=8000, metavar="端口", help="预览和表单的端口（默认 8000）")
    parser.add_argument("--server-port", type=int, default=DEFAULT_SERVER_PORT, metavar="端口",
                        help=f"decap-server 的端口（默认 {DEFAULT_SERVER_PORT}）")  # fmt: skip
    return parser


def _stop_on_sigterm(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def _installed(install: DecapInstall) -> bool:
    """Decap CMS in cms/node_modules, installed now with `npm ci` if it is missing."""
    if install.is_installed():
        return True
    print(f"正在安装网页编辑所需的 npm 包（Decap CMS、decap-server，约 400 MB）到 {install.node_modules} …",
          file=sys.stderr, flush=True)  # fmt: skip
    try:
        done = subprocess.run(npm_ci_command(install.cms_dir), check=False)
    except FileNotFoundError:
        print("错误：找不到 npm。请先安装 Node.js 和 npm（Debian：apt-get install nodejs npm），或运行 make edit",
              file=sys.stderr)  # fmt: skip
        return False
    return done.returncode == 0 and install.is_installed()


def main(argv: list[str] | None = None) -> int:
    options = arguments().parse_args(argv)
    try:
        settings = SiteSettings.from_config_file(options.config_file)
    except SettingsError as error:
        print(f"错误：{error}", file=sys.stderr)
        return EXIT_USAGE
    session = EditSession(options.config_file, settings.site_url, options.port, options.server_port)
    install = DecapInstall.beside(session.repo_dir)
    if not _installed(install):
        print("错误：Decap CMS 没有装好，见上面 npm 的输出", file=sys.stderr)
        return EXIT_USAGE
    session.install = install

    signal.signal(signal.SIGTERM, _stop_on_sigterm)
    try:
        print("正在启动 decap-server 和预览（第一次构建要一会儿）…", file=sys.stderr, flush=True)
        session.start()
        print(f"\n网页编辑已就绪：在浏览器打开 {session.admin_url}\n"
              f"  表单保存的文件直接写进 {settings.docs_dir.resolve()}（不会自动提交）；\n"
              f"  预览：{session.admin_url.removesuffix('admin/')}\n"
              "  按 Ctrl+C 停止。\n", file=sys.stderr, flush=True)  # fmt: skip
        ended = session.wait()
        print(f"错误：{ended} 意外退出了（退出码 {session.processes[ended].returncode}），网页编辑已停止",
              file=sys.stderr)  # fmt: skip
        return EXIT_PROBLEM
    except (PortBusy, DecapMissing) as error:
        print(f"错误：{error}", file=sys.stderr)
        return EXIT_USAGE
    except SessionError as error:
        print(f"错误：{error}", file=sys.stderr)
        return EXIT_PROBLEM
    except KeyboardInterrupt:
        print("\n网页编辑已停止。", file=sys.stderr)
        return EXIT_OK
    finally:
        session.stop()


if __name__ == "__main__":
    sys.exit(main())
