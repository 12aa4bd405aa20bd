module github.com/ivov/lisette/prelude

go 1.24
