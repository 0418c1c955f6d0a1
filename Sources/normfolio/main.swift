import NormfolioCLI

NormfolioCommand.main()
