module lisbind.test/e2e/apiserver

go 1.26
