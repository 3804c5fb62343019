#pragma once
#include <torch/torch.h>
#include <nlohmann/json.hpp>
#include <QtTest/QtTest>
