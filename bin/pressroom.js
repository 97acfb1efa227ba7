#!/usr/bin/env node
import {main} from '../dist/bundle/cli.mjs'

main(process.argv).then(
  (code) => {
    process.exitCode = code
  },
  (error) => {
    console.error(error)
    process.exitCode = 2
  }
)
